using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Models;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// The weak supervisor labels train2 with its soft predictions (probabilities, not hard labels: the reference's
/// train_simple.py), written as train2 items carrying `soft_label`.
/// </summary>
public static class LabelStage
{
    public static StageResult Run(ModelSpec weak, TrainingSpec training, int seed, string checkpoint,
        IReadOnlyList<ClassificationItem> train2, string workDir)
    {
        using var model = ModelFactory.Create(weak, seed, training.MaxCtx, pretrainedBody: null);
        Checkpoint.Load(model.Module, checkpoint);
        var ids = ItemEncoding.Encode(model.Encoder, train2, training.MaxCtx);
        var probabilities = Predictor.PredictProbabilities(model, ids, 64);

        var labelled = train2.Select((item, i) => item with { SoftLabel = [probabilities[i][0], probabilities[i][1]] }).ToList();
        string path = Path.Combine(workDir, "weak-labels.jsonl");
        JsonlWriter.Write(path, JsonlWriter.ToBytes(labelled));

        var truth = train2.Select(i => ItemEncoding.OneHot(i.HardLabel)).ToList();
        var metrics = new JsonObject
        {
            ["train2Acc"] = Metrics.Accuracy(probabilities, truth),
            ["positiveRate"] = probabilities.Count(p => Metrics.ArgMax(p) == 1) / (double)Math.Max(1, probabilities.Length),
        };
        return new StageResult(new Dictionary<string, string> { ["labels"] = path }, metrics);
    }
}
