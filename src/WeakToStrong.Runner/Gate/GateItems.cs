using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Core.Gate;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Gate;

/// <summary>
/// Per-item test outcomes of one seed of a recorded run, for the tolerance bootstrap (docs/gate.md): each weak,
/// ceiling and student checkpoint the record names is loaded from the store and predicts the run's test split again,
/// as the stage's evaluator did (same encoding, batch 64, and the stage's matmul precision: a bf16-trained model is
/// evaluated in bf16, and in fp32 its borderline items can flip). Agreement is against the label stage's test labels,
/// which the student's stage compared with. Each accuracy and agreement must equal what its stage recorded, else the
/// items are not the ones the run measured and the derivation stops.
/// </summary>
public static class GateItems
{
    public static IReadOnlyList<PairItems> Predict(JsonObject hashed, ContentStore store, int seed, Action<string>? info = null)
    {
        var stages = RecordedStage.ParseAll(hashed).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var pairs = EvaluateJson.Summary(hashed["metrics"]?["summary"], "the gate's run record").Pairs;
        var predictions = new Dictionary<string, (bool[] Correct, int[] Predicted)>(StringComparer.Ordinal);

        RecordedStage StageOf(string id) => stages.TryGetValue(id, out var s) ? s : throw new InvalidDataException($"the record has no stage {id}");
        string FileOf(string id, string output)
        {
            var r = StageOf(id).Outputs.TryGetValue(output, out var o) ? o : throw new InvalidDataException($"stage {id} has no output '{output}'");
            if (store.CheckForUse(r, $"output '{output}' of stage {id}") is { } problem)
                throw new InvalidDataException($"output '{output}' of stage {id} is {problem}");
            return store.PathOf(r.Sha256);
        }

        (bool[] Correct, int[] Predicted) Outcomes(string id)
        {
            if (predictions.TryGetValue(id, out var done)) return done;
            var stage = StageOf(id);
            var p = stage.Parameters.Deserialize<TrainParameters>(ManifestJson.Options)!;
            var test = ExampleSet.Read(p.Setting, FileOf(StageIds.Data(seed), "test"), seed);
            info?.Invoke($"gate: predicting {test.Count} test items with {id}");
            var probabilities = ModelFactory.WithoutNetwork(p.Model) is { } rule
                ? rule.Labels(FileOf(id, "model"), test, SupervisedSplit.Test) // noisy-truth: its rule's test labels
                : Predict(p, FileOf(id, "model"), test);
            var predicted = probabilities.Select(q => Metrics.ArgMax(q)).ToArray();
            var correct = predicted.Select((k, i) => k == Metrics.ArgMax(test.Truth(i))).ToArray();

            double recorded = (double)stage.Metrics["testAcc"]!, now = correct.Count(c => c) / (double)correct.Length;
            if (recorded != now)
                throw new InvalidDataException($"{id}: predicting the test split again gives accuracy {now:F6}, its stage recorded {recorded:F6}");
            return predictions[id] = (correct, predicted);
        }

        static float[][] Predict(TrainParameters p, string checkpoint, ExampleSet test)
        {
            using var model = ModelFactory.Create(p.Model, p.Seed, p.Training.MaxCtx, pretrainedBody: null, p.Setting);
            Checkpoint.Load(model.Module, checkpoint);
            ClassifierTrainer.SetPrecision(model, TrainOptionsMapping.Options(p.Training, p.Seed, "cpu").Precision);
            return Predictor.PredictProbabilities(model, test.Encode(model.Encoder, p.Training.MaxCtx), 64);
        }

        var result = new List<PairItems>();
        foreach (var pair in pairs)
        {
            var (weak, strong, loss) = (pair.Weak, pair.Strong, pair.Loss);
            var w = Outcomes(StageIds.Weak(weak, seed));
            var c = Outcomes(StageIds.Ceiling(strong, seed));
            string transfer = StageIds.Transfer(weak, strong, loss, seed);
            var t = Outcomes(transfer);
            var setting = StageOf(transfer).Parameters.Deserialize<TrainParameters>(ManifestJson.Options)!.Setting;
            var labels = ExampleSet.Read(setting, FileOf(StageIds.Label(weak, seed), LabelStage.TestLabels), seed);
            var agrees = t.Predicted.Select((k, i) => k == Metrics.ArgMax(labels.SupervisorLabel(i)!)).ToArray();
            double recorded = (double)StageOf(transfer).Metrics["agreement"]!, now = agrees.Count(a => a) / (double)agrees.Length;
            if (recorded != now)
                throw new InvalidDataException($"{transfer}: agreement with the test labels is {now:F6} again, its stage recorded {recorded:F6}");
            result.Add(new PairItems(weak, strong, loss, w.Correct, c.Correct, t.Correct, agrees));
        }
        return result;
    }
}
