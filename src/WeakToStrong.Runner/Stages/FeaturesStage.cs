using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages.Results;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Probes;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// The frozen-feature arm's one expensive step: a frozen body's pooled features of every input of one seed's
/// splits (train1, train2, test, validation), computed once and stored as a <see cref="FeatureTable"/>. Every
/// probe of that model on that seed (ceiling, students of every loss and weak model, a probe supervisor's labels)
/// trains and predicts on the table: a head fit then takes seconds (the paper's lp(·) arm; openai/weak-to-strong's
/// vision/ experiment trains its logistic probes on frozen DINO embeddings the same way).
/// </summary>
public static class FeaturesStage
{
    public const string Output = "features";

    public static StageResult Run(Stage stage, FeaturesParameters p, StageInputs inputs, string work, IRunProgress progress)
    {
        string data = inputs.DependencyOfKind(stage, StageKind.Data);
        using var model = ModelFactory.CreateFrozen(p.Model, p.Seed, p.MaxCtx, inputs.PretrainedBody(stage));
        ClassifierTrainer.SetPrecision(model, p.Precision);

        // The inputs exactly as the model reads them (its encoder, cut to maxCtx): a pair's two responses apart.
        var splits = new List<string> { "train1", "train2", "test" };
        if (inputs.Has(data, "validation")) splits.Add("validation");
        var sequences = splits
            .SelectMany(split => inputs.Examples(data, split, p.Setting, p.Seed).Encode(model.Encoder, p.MaxCtx))
            .SelectMany(ids => p.Setting == Setting.RewardModel ? Sides(ids) : [ids])
            .ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var table = FeatureExtraction.Compute(model, sequences, 64, out var tokens,
            (done, total, real) => progress.StageStep(stage.Id, done, total, double.NaN, real / Math.Max(1e-9, clock.Elapsed.TotalSeconds)));
        string path = Path.Combine(work, "features.safetensors");
        table.Save(path);

        var loop = ThroughputReport.Measure(tokens.Real, tokens.Padded, clock.Elapsed,
            FlopModel.InferencePerToken(model.Module), ClassifierTrainer.ComputeType(p.Precision));
        return StageResult.Of(new Dictionary<string, string> { [Output] = path }, new FeaturesMetrics(table.Count, table.Size))
            with { Timing = StageTiming.Json(loop, clock.Elapsed) };
    }

    static IEnumerable<int[]> Sides(int[] packed)
    {
        var (a, b) = PairPacking.Unpack(packed);
        return [a, b];
    }
}
