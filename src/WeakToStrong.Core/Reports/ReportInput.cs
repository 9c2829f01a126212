using WeakToStrong.Core.Results;
using WeakToStrong.Core.Stages;

namespace WeakToStrong.Core.Reports;

/// <summary>One model of the manifest, with its body's parameter count (<see cref="Manifests.ParameterCount"/>; null when unknown).</summary>
public sealed record ReportModel(string Name, string Family, string? Size, long? Parameters);

/// <summary>One model's own test accuracy for one seed: the weak stage's (trained on ground truth, train1) or the ceiling stage's.</summary>
public sealed record ModelSeedAccuracy(string Model, int Seed, double TestAcc);

/// <summary>The evaluation schedule (<c>training.evalEvery</c>) of one (weak, strong, loss, seed) transfer, in step order; the last point is the final checkpoint.</summary>
public sealed record TransferCurve(string Weak, string Strong, string Loss, int Seed, IReadOnlyList<CurvePoint> Points);

/// <summary>
/// One training stage's loss over its optimiser steps (its metrics' <c>trainingCurve</c>): point i is the mean loss of
/// steps [FirstStep + i·Every, FirstStep + (i+1)·Every). <see cref="Series"/> names what the stage trains without the
/// seed ("w64", "w64 → minilm xent"), so a figure gives every seed of one series one colour. <see cref="Probe"/>: the
/// stage trains a linear probe on frozen features (thousands of cheap steps), drawn apart from fine-tuning (tens).
/// </summary>
public sealed record LossCurve(string Kind, string Stage, string Series, int FirstStep, int Every, IReadOnlyList<double> Loss)
{
    public bool Probe { get; init; }

    /// <summary>The figure panel it is drawn in: its kind, with "-probe" for linear probes.</summary>
    public string Panel => Probe ? Kind + "-probe" : Kind;

    /// <summary>The step at the middle of point <paramref name="i"/>'s bucket.</summary>
    public double StepOf(int i) => FirstStep + (i + 0.5) * Every;
}

/// <summary>
/// Everything a run report shows, read from one record alone (Runner's ReportRecords): what results reads
/// (<see cref="TaskRecord"/>), and beside it the manifest's models, each model's own accuracies per seed and the
/// transfers' evaluation schedules.
/// </summary>
public sealed record ReportInput(TaskRecord Record, string? Version, IReadOnlyList<int> Seeds, int EvalEvery,
    IReadOnlyList<ReportModel> Models, IReadOnlyList<ModelSeedAccuracy> Weak, IReadOnlyList<ModelSeedAccuracy> Ceiling,
    IReadOnlyList<TransferCurve> Curves)
{
    /// <summary>Every training stage's loss curve, in the record's stage order (none in records made before curves were kept).</summary>
    public IReadOnlyList<LossCurve> LossCurves { get; init; } = [];
}
