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
            ["loss"] = p.Loss, ["pgr"] = Stats(p.Stats),
            ["included"] = Strings(p.Included), ["excluded"] = Strings(p.Excluded),
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
        })),
    };

    static JsonObject Pair(PairResult p) => new()
    {
        ["weak"] = p.Weak, ["strong"] = p.Strong, ["loss"] = p.Loss, ["seeds"] = p.Seeds,
        ["weakAcc"] = p.WeakAcc, ["transferAcc"] = p.TransferAcc, ["ceilingAcc"] = p.CeilingAcc, ["agreement"] = p.Agreement,
        ["pgr"] = Stats(p.Pgr), ["gapSe"] = Number(p.GapSe), ["weakOverChanceSe"] = Number(p.WeakOverChanceSe),
        ["flagged"] = p.Flagged, ["flags"] = Strings(p.Flags),
    };

    static JsonObject Findings(Findings f) => new()
    {
        ["naive"] = new JsonObject
        {
            ["positive"] = f.Naive.Positive, ["total"] = f.Naive.Total,
            ["flaggedPositive"] = f.Naive.FlaggedPositive, ["flaggedTotal"] = f.Naive.FlaggedTotal, ["sentence"] = f.Naive.Sentence,
        },
        ["logconfByGap"] = new JsonObject
        {
            ["smallGaps"] = Strings(f.LossByGap.SmallGaps), ["smallDifference"] = f.LossByGap.SmallDifference, ["smallMaxGapSe"] = f.LossByGap.SmallMaxGapSe,
            ["largeGaps"] = Strings(f.LossByGap.LargeGaps), ["largeDifference"] = f.LossByGap.LargeDifference, ["largeMinGapSe"] = f.LossByGap.LargeMinGapSe,
            ["sentence"] = f.LossByGap.Sentence,
        },
        ["rewardModelVsClassification"] = new JsonObject
        {
            ["rewardModelPairs"] = f.Setting.RewardModelPairs, ["rewardModelMedian"] = f.Setting.RewardModelMedian,
            ["classificationPairs"] = f.Setting.ClassificationPairs, ["classificationMedian"] = f.Setting.ClassificationMedian,
            ["sentence"] = f.Setting.Sentence,
        },
        ["bootstrap"] = new JsonObject
        {
            ["chains"] = Array(f.Bootstrap.Chains.Select(c => new JsonObject
            {
                ["task"] = c.Task, ["chain"] = c.Chain, ["loss"] = c.Loss, ["bootstrap"] = c.Bootstrap, ["direct"] = c.Direct,
            })),
            ["sentence"] = f.Bootstrap.Sentence,
        },
    };

    static JsonObject Stats(PgrStats s) => new() { ["count"] = s.Count, ["median"] = s.Median, ["mean"] = s.Mean, ["se"] = s.StandardError };

    /// <summary>JSON has no NaN: an undefined distance is null.</summary>
    static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    static JsonArray Array(IEnumerable<JsonNode> nodes) => new(nodes.ToArray());

    static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
