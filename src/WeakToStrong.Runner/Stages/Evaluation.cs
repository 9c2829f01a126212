using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Runner.Execution;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Collects test accuracies of the weak, ceiling and transfer stages and aggregates them with Core's
/// <see cref="PgrStatistics"/>: per-run PGR, per (weak, strong, loss) over seeds, and per loss pooled over valid runs.
/// Runs without a gap to recover (ceiling ≤ weak) are kept and flagged, never silently dropped, and excluded from medians.
/// </summary>
public static class Evaluation
{
    public static IReadOnlyList<RunAccuracies> Runs(Stage evaluate, StageInputs inputs)
    {
        var p = evaluate.Parameters;
        var pairs = p["pairs"]!.AsArray().Select(a => a!.AsArray().Select(x => (string)x!).ToArray()).ToList();
        var losses = p["losses"]!.AsArray().Select(x => (string)x!).ToList();
        var seeds = p["seeds"]!.AsArray().Select(x => (int)x!).ToList();
        double Acc(string id) => (double)inputs.Stage(id).Output.Metrics["testAcc"]!;
        return [.. from pair in pairs
                   from loss in losses
                   from seed in seeds
                   select new RunAccuracies(pair[0], pair[1], loss, seed,
                       WeakAcc: Acc($"weak/{pair[0]}/s{seed}"), CeilingAcc: Acc($"ceiling/{pair[1]}/s{seed}"),
                       TransferAcc: Acc($"transfer/{pair[0]}->{pair[1]}/{loss}/s{seed}"))];
    }

    public static StageResult Evaluate(Stage stage, StageInputs inputs, string work)
    {
        var runs = Runs(stage, inputs);
        var summary = PgrStatistics.Summarize(runs);
        var rows = new JsonArray(summary.Runs.Select(r => (JsonNode)new JsonObject
        {
            ["weak"] = r.Run.Weak, ["strong"] = r.Run.Strong, ["loss"] = r.Run.Loss, ["seed"] = r.Run.Seed,
            ["weakAcc"] = r.Run.WeakAcc, ["transferAcc"] = r.Run.TransferAcc, ["ceilingAcc"] = r.Run.CeilingAcc,
            ["pgr"] = r.Pgr, ["flag"] = r.ExcludedBecause,
        }).ToArray());
        var metrics = new JsonObject { ["runs"] = rows, ["summary"] = SummaryJson(summary) };
        string path = Path.Combine(work, "pgr.json");
        File.WriteAllText(path, metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new StageResult(new Dictionary<string, string> { ["pgr"] = path }, metrics);
    }

    /// <summary>The record's summary shape (read by the PGR table, `Runs` and the audit's gate comparison).</summary>
    static JsonObject SummaryJson(PgrSummary s) => new()
    {
        ["pairs"] = new JsonArray(s.Pairs.Select(pair =>
        {
            var runs = s.Runs.Where(r => (r.Run.Weak, r.Run.Strong, r.Run.Loss) == (pair.Weak, pair.Strong, pair.Loss)).ToList();
            return (JsonNode)new JsonObject
            {
                ["weak"] = pair.Weak, ["strong"] = pair.Strong, ["loss"] = pair.Loss,
                ["seeds"] = runs.Count, ["validSeeds"] = pair.Stats.Count,
                ["weakAcc"] = runs.Average(r => r.Run.WeakAcc), ["transferAcc"] = runs.Average(r => r.Run.TransferAcc),
                ["ceilingAcc"] = runs.Average(r => r.Run.CeilingAcc),
                ["pgrMedian"] = pair.Stats.Median, ["pgrMean"] = pair.Stats.Mean, ["pgrSe"] = pair.Stats.StandardError,
            };
        }).ToArray()),
        ["medianPgrByLoss"] = new JsonObject(s.Losses.Select(l => KeyValuePair.Create(l.Loss, (JsonNode?)JsonValue.Create(l.Stats.Median)))),
        ["flagged"] = new JsonArray(s.Excluded.Select(r =>
            (JsonNode)$"{r.Run.Weak}->{r.Run.Strong}/{r.Run.Loss}/s{r.Run.Seed}: {r.ExcludedBecause}").ToArray()),
    };
}
