using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages.Metrics;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Probes;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// The frozen-feature arm's one expensive step: a frozen body's pooled features of every input of every seed's
/// splits its probes read (train1, train2, test, validation), each distinct input once, stored as a
/// <see cref="FeatureTable"/>. Every probe of that model (ceiling, students of every loss and weak model, a probe
/// supervisor's labels, on every seed) trains and predicts on the table, looking its inputs up by their token ids:
/// a head fit then takes seconds (the paper's lp(·) arm; openai/weak-to-strong's vision/ experiment trains its
/// logistic probes on frozen DINO embeddings the same way).
/// </summary>
public static class FeaturesStage
{
    public const string Output = "features";

    public static StageResult Run(Stage stage, FeaturesParameters p, StageInputs inputs, string work, IRunProgress progress)
    {
        // The head is never used, so the seed it is initialised from changes no feature.
        using var model = ModelFactory.CreateFrozen(p.Model, seed: 0, p.MaxCtx, inputs.PretrainedBody(stage));
        SupervisedTrainer.SetPrecision(model, p.Precision);

        // The inputs exactly as the model reads them (its encoder, cut to maxCtx): a pair's two responses apart, so
        // the order a seed presents a pair in does not matter (run seed 0's order is read).
        var sequences = p.DataSeeds.Select(StageIds.Data)
            .SelectMany(data => SplitsOf(inputs, data).Select(split => (data, split)))
            .SelectMany(d => inputs.Examples(d.data, d.split, p.Setting, 0).Encode(model.Encoder, p.MaxCtx))
            .SelectMany(ids => p.Setting == Setting.RewardModel ? Sides(ids) : [ids])
            .ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var table = FeatureExtraction.Compute(model, sequences, 64, out var tokens,
            (done, total, real) => progress.StageStep(stage.Id, done, total, double.NaN, real / Math.Max(1e-9, clock.Elapsed.TotalSeconds)));
        string path = Path.Combine(work, "features.safetensors");
        table.Save(path);

        var loop = ThroughputReport.Measure(tokens.Real, tokens.Padded, clock.Elapsed,
            FlopModel.InferencePerToken(model.Module), SupervisedTrainer.ComputeType(p.Precision));
        return StageResult.Of(new Dictionary<string, string> { [Output] = path }, new FeaturesMetrics(table.Count, table.Size))
            with { Timing = StageTiming.Json(loop, clock.Elapsed) };
    }

    static IEnumerable<string> SplitsOf(StageInputs inputs, string data) =>
        inputs.Has(data, "validation") ? ["train1", "train2", "test", "validation"] : ["train1", "train2", "test"];

    static IEnumerable<int[]> Sides(int[] packed)
    {
        var (a, b) = PairPacking.Unpack(packed);
        return [a, b];
    }
}
