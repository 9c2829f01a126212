using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Runner.Stages.Metrics;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// The paper's early-stopping variants for one stage, read off its eval curve: the point each would have
/// stopped at and the test accuracy there. Reported beside the final checkpoint, which stays the stage's result
/// (the labels, the checkpoint and the gated PGR all come from the final one).
/// </summary>
/// <remarks>
/// ground-truth applies to every trained model (an oracle over test accuracy, the paper's optimistic bound);
/// weak-agreement only to students, since weak models and ceilings train on ground truth and have no supervisor.
/// </remarks>
public static class StageEarlyStopping
{
    public static IReadOnlyDictionary<string, CurvePoint>? Report(IReadOnlyList<EarlyStopping>? rules, IReadOnlyList<StepEvaluation> curve, bool isStudent)
    {
        if (rules is null || rules.Count == 0) return null;
        var report = new Dictionary<string, CurvePoint>(StringComparer.Ordinal); // in the manifest's order
        foreach (var rule in rules)
        {
            string metric = rule == EarlyStopping.GroundTruth ? StageEvaluator.TestAcc : StageEvaluator.ValidationAgreement;
            if (rule == EarlyStopping.WeakAgreement && !isStudent) continue;
            int best = EarlyStoppingSelector.Best(curve, e => e.Metrics.TryGetValue(metric, out var v) ? v : double.NaN);
            if (best < 0) continue;
            report[EarlyStoppingNames.Name(rule)] = StageEvaluator.Point(curve[best]);
        }
        return report;
    }
}
