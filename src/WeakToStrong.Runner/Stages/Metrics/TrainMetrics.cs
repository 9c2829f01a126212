using WeakToStrong.Core.Stages;

namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>What a training stage (weak, ceiling, transfer, bootstrap step) reports: final test accuracy and its eval curve.</summary>
public sealed record TrainMetrics : StageMetrics
{
    /// <summary>Ground-truth test accuracy of the final checkpoint (the gated number).</summary>
    public required double TestAcc { get; init; }

    /// <summary>
    /// The final checkpoint's outcome per test item, in test-split order: argmax(prediction) == ground truth (the tie
    /// rule of <see cref="TestAcc"/>), bit-packed and base64-encoded by Core's ItemOutcomes; null in records made
    /// before it was recorded. The paired bootstrap of PGR (Core's PgrBootstrap) resamples these.
    /// </summary>
    public string? TestCorrect { get; init; }

    /// <summary>How many test items <see cref="TestCorrect"/> encodes (what it is decoded with).</summary>
    public int? TestItems { get; init; }

    /// <summary>The final checkpoint's share of test items predicted as class 1 (reward models: "a preferred"); 0 or 1 is a constant predictor.</summary>
    public double? TestPositiveRate { get; init; }

    /// <summary>Students: argmax agreement with the supervisor's labels on the test inputs (paper §5.1).</summary>
    public double? Agreement { get; init; }

    public required int TrainExamples { get; init; }
    public required int Steps { get; init; }
    public double? FinalLoss { get; init; }

    /// <summary>Training loss and learning rate over the steps (<see cref="TrainingCurve"/>); null in records made before it was kept.</summary>
    public TrainingCurve? TrainingCurve { get; init; }

    /// <summary>Every point of the eval schedule, the final checkpoint last.</summary>
    public required IReadOnlyList<CurvePoint> Evaluations { get; init; }

    /// <summary>Early-stopping variant name → the point it would have stopped at (only when the manifest asks).</summary>
    public IReadOnlyDictionary<string, CurvePoint>? EarlyStopping { get; init; }

    /// <summary>Bootstrap steps: accuracy of the labels this model made on train2 for the next model of its chain.</summary>
    public double? Train2Acc { get; init; }

    /// <summary>The accuracies as an early-stopping variant sees them: its stopping point, or the final checkpoint without it.</summary>
    public CurvePoint At(string? variant) =>
        variant is not null && EarlyStopping?.TryGetValue(variant, out var p) == true ? p : Evaluations[^1];

    public override string Summary() => $"test acc {TestAcc:F4}";
}
