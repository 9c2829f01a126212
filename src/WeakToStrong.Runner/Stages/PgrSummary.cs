using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Stages;

/// <summary>Aggregates per-run PGRs: per (weak, strong, loss) over seeds, and per loss pooled over valid runs.</summary>
public static class PgrSummary
{
    public static JsonObject Summarize(IReadOnlyList<Evaluation.Run> runs)
    {
        var perPair = new JsonArray();
        foreach (var g in runs.GroupBy(r => (r.Weak, r.Strong, r.Loss)))
        {
            var valid = g.Where(r => r.Valid).Select(r => r.Pgr!.Value).ToList();
            perPair.Add(new JsonObject
            {
                ["weak"] = g.Key.Weak, ["strong"] = g.Key.Strong, ["loss"] = g.Key.Loss,
                ["seeds"] = g.Count(), ["validSeeds"] = valid.Count,
                ["weakAcc"] = g.Average(r => r.WeakAcc), ["transferAcc"] = g.Average(r => r.TransferAcc), ["ceilingAcc"] = g.Average(r => r.CeilingAcc),
                ["pgrMedian"] = Median(valid), ["pgrMean"] = valid.Count > 0 ? valid.Average() : null, ["pgrSe"] = StandardError(valid),
            });
        }
        var perLoss = new JsonObject();
        foreach (var g in runs.GroupBy(r => r.Loss))
            perLoss[g.Key] = Median(g.Where(r => r.Valid).Select(r => r.Pgr!.Value).ToList());
        return new JsonObject
        {
            ["pairs"] = perPair,
            ["medianPgrByLoss"] = perLoss,
            ["flagged"] = new JsonArray(runs.Where(r => !r.Valid).Select(r => (JsonNode)$"{r.Weak}->{r.Strong}/{r.Loss}/s{r.Seed}: ceiling {r.CeilingAcc:F4} <= weak {r.WeakAcc:F4}").ToArray()),
        };
    }

    public static double? Median(IReadOnlyList<double> xs)
    {
        if (xs.Count == 0) return null;
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>Sample standard deviation / √n; undefined (null) below two values.</summary>
    public static double? StandardError(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return null;
        double mean = xs.Average();
        double variance = xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1);
        return Math.Sqrt(variance / xs.Count);
    }
}
