using System.Text.Json.Nodes;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Core.Stages;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Stages.Metrics;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// The weak stage of a supervisor without a network (<see cref="ISupervisorWithoutNetwork"/>, noisy-truth): nothing
/// trains; the rule is saved as the stage's "model" output and its test labels are scored like a trained model's final
/// checkpoint (<see cref="StageEvaluator.Outcomes"/>: argmax against ground truth, per-item outcomes and the positive
/// rate), one evaluation point at step 0, so evaluate, PGR, agreement and the bootstrap read it unchanged.
/// </summary>
public static class RuleSupervisorStage
{
    public static StageResult Weak(string stageId, TrainParameters p, ISupervisorWithoutNetwork rule, ExampleSet train, ExampleSet test, string workDir)
    {
        if (train.Setting != test.Setting)
            throw new InvalidOperationException($"{stageId}: trains on {train.Setting} items but tests on {test.Setting} items");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string model = Path.Combine(workDir, "model.json");
        rule.Save(p.Model, p.Seed, model);
        var labels = rule.Labels(model, test, SupervisedSplit.Test);
        var truth = Enumerable.Range(0, test.Count).Select(test.Truth).ToList();
        var (correct, positiveRate) = StageEvaluator.Outcomes(labels, truth);
        double accuracy = ReferenceAccuracy.Accuracy(labels, truth);
        var metrics = new TrainMetrics
        {
            TestAcc = accuracy,
            TestCorrect = ItemOutcomes.Encode(correct),
            TestItems = correct.Length,
            TestPositiveRate = positiveRate,
            // Nothing is fitted: the rule reads no training example.
            TrainExamples = 0,
            Steps = 0,
            Evaluations = [new CurvePoint(0, accuracy)],
        };
        return StageResult.Of(new Dictionary<string, string> { ["model"] = model }, metrics) with
        {
            Timing = new JsonObject { ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3) },
        };
    }
}
