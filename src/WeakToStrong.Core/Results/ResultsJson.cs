using System.Text.Json.Nodes;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>`results --json`: the report's numbers, as docs/results.md shows them but unrounded; a value not measured is null.</summary>
public static class ResultsJson
{
    public static JsonObject Of(ResultsReport report) => new()
    {
        ["scale"] = report.Scale,
        ["asOf"] = report.AsOf,
        ["tasks"] = Array(report.Tasks.Select(Task)),
        ["pooled"] = Array(report.Pooled.Select(p => new JsonObject
        {
            ["loss"] = p.Loss, ["pgr"] = Stats(p.Stats), ["pgrRatioOfMeans"] = p.RatioOfMeans.Value, ["pgrCi"] = Ci(p.RatioOfMeans.Ci),
            ["included"] = Strings(p.Included), ["excluded"] = Strings(p.Excluded),
        })),
        ["intervalWidths"] = Array(report.Tasks.SelectMany(PowerTargets.Of).Select(c => new JsonObject
        {
            ["experiment"] = c.Task.Record.Experiment, ["scale"] = c.Task.Record.Scale, ["arm"] = c.Arm,
            ["weak"] = c.Pair.Weak, ["strong"] = c.Pair.Strong, ["loss"] = c.Pair.Loss,
            ["halfWidth"] = c.HalfWidth, ["target"] = c.Target, ["met"] = c.Met, ["why"] = c.Met ? null : c.Why,
        })),
        ["findings"] = Findings(report.Findings),
    };

    static JsonObject Task(TaskResult t) => new()
    {
        ["experiment"] = t.Record.Experiment, ["scale"] = t.Record.Scale, ["setting"] = t.Record.Setting,
        ["runKey"] = t.Record.RunKey, ["commit"] = t.Record.Commit, ["dirty"] = t.Record.Dirty,
        ["finishedAt"] = t.Record.FinishedAt, ["testSize"] = t.Record.TestSize,
        ["pairs"] = Array(t.Pairs.Select(Pair)),
        ["earlyStopping"] = new JsonObject(t.Variants.Select(v => KeyValuePair.Create(v.Variant, (JsonNode?)Array(v.Pairs.Select(Pair))))),
        ["bootstrap"] = Array(t.Chains.Select(c => new JsonObject
        {
            ["chain"] = Strings(c.Chain), ["loss"] = c.Loss, ["seeds"] = c.Seeds,
            ["pgr"] = Stats(c.Bootstrap), ["directPgr"] = Stats(c.Direct),
            ["pgrRatioOfMeans"] = c.PgrRatioOfMeans, ["pgrCi"] = Ci(c.BootstrapResamples?.Summary.PgrCi),
            ["directPgrRatioOfMeans"] = c.DirectPgrRatioOfMeans, ["directPgrCi"] = Ci(c.DirectResamples?.Summary.PgrCi),
            ["differenceCi"] = Ci(c.Difference is { } d ? PgrBootstrap.Percentiles(d) : null),
        })),
    };

    static JsonObject Pair(PairResult p) => new()
    {
        ["weak"] = p.Weak, ["strong"] = p.Strong, ["loss"] = p.Loss, ["seeds"] = p.Seeds,
        ["weakAcc"] = p.WeakAcc, ["transferAcc"] = p.TransferAcc, ["ceilingAcc"] = p.CeilingAcc, ["agreement"] = p.Agreement,
        ["pgr"] = Stats(p.Pgr), ["pgrRatioOfMeans"] = p.PgrRatioOfMeans, ["pgrCi"] = Ci(p.Bootstrap?.Summary.PgrCi),
        ["pgrCiNote"] = p.Bootstrap?.Summary.PgrCiNote, ["gain"] = p.Gain, ["gainCi"] = Ci(p.Bootstrap?.Summary.GainCi),
        ["weakWrongAgreement"] = p.Bootstrap?.Summary.WeakWrongAgreement, ["errorCorrection"] = p.Bootstrap?.Summary.ErrorCorrection,
        ["errorCorrectionCi"] = Ci(p.Bootstrap?.Summary.ErrorCorrectionCi), ["weakRightAccuracy"] = p.Bootstrap?.Summary.WeakRightAccuracy,
        ["gapSe"] = Number(p.GapSe), ["weakOverChanceSe"] = Number(p.WeakOverChanceSe),
        ["flagged"] = p.Flagged, ["flags"] = Strings(p.Flags),
    };

    static JsonObject Findings(Findings f) => new()
    {
        ["naive"] = new JsonObject
        {
            ["positive"] = f.Naive.Positive, ["total"] = f.Naive.Total,
            ["flaggedPositive"] = f.Naive.FlaggedPositive, ["flaggedTotal"] = f.Naive.FlaggedTotal,
            ["meanPgr"] = f.Naive.Pooled.Value, ["meanPgrCi"] = Ci(f.Naive.Pooled.Ci),
            ["verdict"] = Verdict(f.Naive.Verdict), ["sentence"] = f.Naive.Sentence,
        },
        ["logconfByGap"] = new JsonObject
        {
            ["smallGaps"] = Strings(f.LossByGap.SmallGaps), ["smallDifference"] = f.LossByGap.SmallDifference, ["smallMaxGapSe"] = f.LossByGap.SmallMaxGapSe,
            ["largeGaps"] = Strings(f.LossByGap.LargeGaps), ["largeDifference"] = f.LossByGap.LargeDifference, ["largeMinGapSe"] = f.LossByGap.LargeMinGapSe,
            ["smallDifferenceCi"] = Ci(f.LossByGap.SmallCi), ["largeDifferenceCi"] = Ci(f.LossByGap.LargeCi),
            ["contrast"] = f.LossByGap.Contrast, ["contrastCi"] = Ci(f.LossByGap.ContrastCi),
            ["verdict"] = Verdict(f.LossByGap.Verdict), ["sentence"] = f.LossByGap.Sentence,
        },
        ["rewardModelVsClassification"] = new JsonObject
        {
            ["rewardModelPairs"] = f.Setting.RewardModel.Pairs, ["rewardModelMean"] = f.Setting.RewardModel.Value,
            ["rewardModelCi"] = Ci(f.Setting.RewardModel.Ci),
            ["classificationPairs"] = f.Setting.Classification.Pairs, ["classificationMean"] = f.Setting.Classification.Value,
            ["classificationCi"] = Ci(f.Setting.Classification.Ci),
            ["difference"] = f.Setting.Difference, ["differenceCi"] = Ci(f.Setting.DifferenceCi),
            ["verdict"] = Verdict(f.Setting.Verdict), ["sentence"] = f.Setting.Sentence,
        },
        ["bootstrap"] = new JsonObject
        {
            ["chains"] = Array(f.Bootstrap.Chains.Select(c => new JsonObject
            {
                ["task"] = c.Task, ["chain"] = c.Chain, ["loss"] = c.Loss, ["bootstrap"] = c.Bootstrap, ["bootstrapCi"] = Ci(c.BootstrapCi),
                ["direct"] = c.Direct, ["directCi"] = Ci(c.DirectCi), ["difference"] = c.Difference, ["differenceCi"] = Ci(c.DifferenceCi),
            })),
            ["difference"] = f.Bootstrap.Difference, ["differenceCi"] = Ci(f.Bootstrap.DifferenceCi),
            ["verdict"] = Verdict(f.Bootstrap.Verdict), ["sentence"] = f.Bootstrap.Sentence,
        },
    };

    static JsonObject Stats(PgrStats s) => new() { ["count"] = s.Count, ["median"] = s.Median, ["mean"] = s.Mean, ["se"] = s.StandardError };

    static JsonArray? Ci(Interval? ci) => ci is null ? null : new JsonArray(ci.Lo, ci.Hi);

    static string Verdict(Verdict v) => v.ToString().ToLowerInvariant();

    /// <summary>JSON has no NaN: an undefined distance is null.</summary>
    static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    static JsonArray Array(IEnumerable<JsonNode> nodes) => new(nodes.ToArray());

    static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
