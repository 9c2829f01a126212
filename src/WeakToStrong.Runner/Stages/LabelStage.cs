using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Models;
using WeakToStrong.Training.Models;
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

    public static StageResult Run(ModelSpec weak, TrainingSpec training, int seed, string checkpoint, LabelInputs data, string workDir)
    {
        using var model = ModelFactory.Create(weak, seed, training.MaxCtx, pretrainedBody: null, data.Train2.Setting);
        Checkpoint.Load(model.Module, checkpoint);

        var files = new Dictionary<string, string>();
        var train2 = Label(model, training, data.Train2, Path.Combine(workDir, "weak-labels.jsonl"));
        files[Labels] = train2.Path;
        files[TestLabels] = Label(model, training, data.Test, Path.Combine(workDir, "weak-test-labels.jsonl")).Path;
        if (data.Validation is { Count: > 0 } validation)
            files[ValidationLabels] = Label(model, training, validation, Path.Combine(workDir, "weak-validation-labels.jsonl")).Path;

        var truth = Enumerable.Range(0, data.Train2.Count).Select(data.Train2.Truth).ToList();
        var metrics = new JsonObject
        {
            // Reward models: pairwise accuracy, and the rate of preferring the second-presented response.
            ["train2Acc"] = Metrics.Accuracy(train2.Probabilities, truth),
            ["positiveRate"] = train2.Probabilities.Count(p => Metrics.ArgMax(p) == 1) / (double)Math.Max(1, train2.Probabilities.Length),
        };
        return new StageResult(files, metrics);
    }

    static (string Path, float[][] Probabilities) Label(ISequenceClassifier model, TrainingSpec training, ExampleSet items, string path)
    {
        var probabilities = Predictor.PredictProbabilities(model, items.Encode(model.Encoder, training.MaxCtx), 64);
        JsonlWriter.Write(path, items.WithSupervisorLabels(probabilities));
        return (path, probabilities);
    }
}

/// <summary>What a supervisor labels: train2 (trained on), test (agreement) and the optional validation split.</summary>
public sealed record LabelInputs(ExampleSet Train2, ExampleSet Test, ExampleSet? Validation);
