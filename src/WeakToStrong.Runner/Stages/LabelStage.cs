using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Stages.Metrics;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// The weak supervisor labels train2 with its soft predictions (probabilities, not hard labels: the reference's
/// train_simple.py), written as train2 items carrying `soft_label` (classification) or `soft_preference`, its
/// Bradley–Terry P(chosen ≻ rejected) (reward modelling). It labels the test inputs too, so that
/// student–supervisor agreement can be measured (paper §5.1), and the validation split when there is one, for
/// weak-agreement early stopping. Only train2's labels are ever trained on.
/// </summary>
public static class LabelStage
{
    /// <summary>The labelled sets: output name and the split it labels.</summary>
    public const string Labels = "labels", TestLabels = "testLabels", ValidationLabels = "validationLabels";

    /// <summary>The stage as the plan has it: its weak model's output, its data, and a probe supervisor's features table.</summary>
    public static StageResult Run(Stage stage, LabelParameters p, StageInputs inputs, string work)
    {
        string weak = inputs.DependencyOfKind(stage, StageKind.Weak);
        string data = inputs.DependencyOfKind(stage, StageKind.Data);
        // A probe supervisor's head reads its features stage's table (the checkpoint holds the head alone).
        string? features = inputs.FileOfKind(stage, FeaturesStage.Output, StageKind.Features);
        return Run(p, inputs.File(weak, "model"), inputs.LabelInputs(data, p.Setting, p.Seed), work, features);
    }

    /// <param name="features">A linear-probe supervisor's features table (its checkpoint is the head alone); null otherwise.</param>
    /// <param name="checkpoint">The weak stage's model output: a network's checkpoint, or the rule file of a supervisor
    /// without a network (<see cref="ISupervisorWithoutNetwork"/>, noisy-truth), whose labels it computes from ground truth.</param>
    public static StageResult Run(LabelParameters p, string checkpoint, LabelInputs data, string workDir, string? features = null)
    {
        if (data.Train2.Setting != p.Setting)
            throw new InvalidOperationException($"the label stage is for {p.Setting} items, its data has {data.Train2.Setting} items");
        if (ModelFactory.WithoutNetwork(p.Model) is { } rule)
        {
            var elapsed = System.Diagnostics.Stopwatch.StartNew();
            var labelled = Write(p, data, workDir, (items, split) => rule.Labels(checkpoint, items, split));
            return labelled with { Timing = new System.Text.Json.Nodes.JsonObject { ["seconds"] = Math.Round(elapsed.Elapsed.TotalSeconds, 3) } };
        }
        using var model = ModelFactory.Create(p.Model, p.Seed, p.MaxCtx, pretrainedBody: features, p.Setting);
        Checkpoint.Load(model.Module, checkpoint);
        SupervisedTrainer.SetPrecision(model, p.Precision);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tokens = new TokenCount();
        var result = Write(p, data, workDir, (items, _) => Predict(model, p.MaxCtx, items, tokens));
        var loop = ThroughputReport.Measure(tokens.Real, tokens.Padded, clock.Elapsed,
            FlopModel.InferencePerToken(model.Module), SupervisedTrainer.ComputeType(p.Precision));
        return result with { Timing = StageTiming.Json(loop, clock.Elapsed) };
    }

    /// <summary>Labels train2 (then the manifest's sabotage flip), test and the validation split when there is one, and
    /// measures train2's labels against ground truth.</summary>
    static StageResult Write(LabelParameters p, LabelInputs data, string workDir, Func<ExampleSet, SupervisedSplit, float[][]> label)
    {
        var files = new Dictionary<string, string>();
        var train2 = Label(label(data.Train2, SupervisedSplit.Train2), data.Train2, Path.Combine(workDir, "weak-labels.jsonl"),
            WeakLabelFlip.Items(data.Train2.Count, p.Flip, p.Seed));
        files[Labels] = train2.Path;
        files[TestLabels] = Label(label(data.Test, SupervisedSplit.Test), data.Test, Path.Combine(workDir, "weak-test-labels.jsonl")).Path;
        if (data.Validation is { Count: > 0 } validation)
            files[ValidationLabels] = Label(label(validation, SupervisedSplit.Validation), validation, Path.Combine(workDir, "weak-validation-labels.jsonl")).Path;

        var truth = Enumerable.Range(0, data.Train2.Count).Select(data.Train2.Truth).ToList();
        var metrics = new LabelMetrics(
            Train2Acc: ReferenceAccuracy.Accuracy(train2.Probabilities, truth),
            PositiveRate: train2.Probabilities.Count(q => ReferenceAccuracy.ArgMax(q) == 1) / (double)Math.Max(1, train2.Probabilities.Length))
        {
            Flipped = p.Flip is null ? null : WeakLabelFlip.Items(data.Train2.Count, p.Flip, p.Seed).Count,
        };
        return StageResult.Of(files, metrics);
    }

    sealed class TokenCount
    {
        public long Real, Padded;
    }

    static float[][] Predict(ISequenceClassifier model, int maxCtx, ExampleSet items, TokenCount count)
    {
        var probabilities = Predictor.PredictProbabilities(model, items.Encode(model.Encoder, maxCtx), 64, out var tokens);
        count.Real += tokens.Real;
        count.Padded += tokens.Padded;
        return probabilities;
    }

    static (string Path, float[][] Probabilities) Label(float[][] probabilities, ExampleSet items, string path, IReadOnlySet<int>? flip = null)
    {
        if (probabilities.Length != items.Count)
            throw new InvalidOperationException($"{probabilities.Length} labels for {items.Count} items");
        foreach (int i in flip ?? new HashSet<int>())
            probabilities[i] = [probabilities[i][1], probabilities[i][0]]; // p → 1 − p, in either setting's two outputs
        JsonlWriter.Write(path, items.WithSupervisorLabels(probabilities));
        return (path, probabilities);
    }
}

/// <summary>What a supervisor labels: train2 (trained on), test (agreement) and the optional validation split.</summary>
public sealed record LabelInputs(ExampleSet Train2, ExampleSet Test, ExampleSet? Validation);
