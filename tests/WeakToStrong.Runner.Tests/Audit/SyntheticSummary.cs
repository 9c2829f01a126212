using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>A valid evaluate summary for hand-made records: no pairs, and the pooled medians given.</summary>
static class SyntheticSummary
{
    public static JsonObject Of(IReadOnlyDictionary<string, double?>? medianPgrByLoss = null) => EvaluateJson.ToJson(new EvaluateSummary
    {
        Pairs = [],
        MedianPgrByLoss = medianPgrByLoss ?? new Dictionary<string, double?>(),
        Flagged = [],
    });
}
