using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Stages.Results;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Collects test accuracies of the weak, ceiling and transfer stages and aggregates them with Core's
/// <see cref="PgrStatistics"/>: per-run PGR, per (weak, strong, loss) over seeds, and per loss pooled over valid runs.
/// Runs without a gap to recover (ceiling ≤ weak) are kept and flagged, never silently dropped, and excluded from medians.
/// The gated summary is always the final checkpoints'; early-stopping variants get their own summaries beside it.
/// </summary>
public static class Evaluation
{
    public static IReadOnlyList<RunAccuracies> Runs(Stage evaluate, StageInputs inputs) => Runs(evaluate, inputs, variant: null)!;

    /// <summary>
    /// The runs as one early-stopping variant sees them (null: the final checkpoints). Under a variant each stage
    /// that reports it contributes the accuracy where the variant stopped; a stage without it (weak-agreement for
    /// the weak model and the ceiling, which have no supervisor) contributes its final accuracy. Null when a
    /// student did not report the variant (it was not asked for).
    /// </summary>
    public static IReadOnlyList<RunAccuracies>? Runs(Stage evaluate, StageInputs inputs, string? variant)
    {
        var p = evaluate.Read<EvaluateParameters>();
        TrainMetrics Metrics(string id) => inputs.Metrics<TrainMetrics>(id);
        double Acc(string id) => Metrics(id).At(variant).TestAcc;

        var runs = new List<RunAccuracies>();
        foreach (var pair in p.Pairs)
            foreach (var loss in p.Losses)
                foreach (var seed in p.Seeds)
                {
                    var transfer = Metrics(StageIds.Transfer(pair[0], pair[1], loss, seed));
                    if (variant is not null && transfer.EarlyStopping?.ContainsKey(variant) != true) return null;
                    var student = transfer.At(variant);
                    runs.Add(new RunAccuracies(pair[0], pair[1], loss, seed,
                        WeakAcc: Acc(StageIds.Weak(pair[0], seed)), CeilingAcc: Acc(StageIds.Ceiling(pair[1], seed)),
                        TransferAcc: student.TestAcc, Agreement: student.Agreement));
                }
        return runs;
    }

    public static StageResult Evaluate(Stage stage, StageInputs inputs, string work)
    {
        var summary = PgrStatistics.Summarize(Baselined(stage, Runs(stage, inputs)));
        var metrics = new JsonObject { ["runs"] = RunsJson(summary), ["summary"] = SummaryJson(summary) };
        metrics["summary"]!["pgrBaseline"] = JsonSerializer.SerializeToNode(stage.Read<EvaluateParameters>().PgrBaseline, ManifestJson.Options);
        BootstrapEvaluation.AddTo(metrics, stage, inputs); // chains m0 → … → mN (paper §4.3.1), when the manifest has any

        var variants = new JsonObject();
        foreach (var variant in VariantsReported(stage, inputs))
            if (Runs(stage, inputs, variant) is { } runs)
            {
                var s = PgrStatistics.Summarize(Baselined(stage, runs));
                variants[variant] = new JsonObject { ["runs"] = RunsJson(s), ["summary"] = SummaryJson(s) };
            }
        if (variants.Count > 0) metrics["earlyStopping"] = variants;

        string path = Path.Combine(work, "pgr.json");
        File.WriteAllText(path, metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new StageResult(new Dictionary<string, string> { ["pgr"] = path }, metrics);
    }

    /// <summary>The manifest's PGR baselines: the reference's seed means (default), or each run's own seed.</summary>
    internal static IReadOnlyList<RunAccuracies> Baselined(Stage evaluate, IReadOnlyList<RunAccuracies> runs) =>
        evaluate.Read<EvaluateParameters>().PgrBaseline == PgrBaseline.PerSeed ? runs : PgrStatistics.WithSeedMeanBaselines(runs);

    /// <summary>Variant names any transfer stage reported, in the order first seen.</summary>
    static IEnumerable<string> VariantsReported(Stage evaluate, StageInputs inputs) =>
        evaluate.DependsOn.Where(id => inputs.Stage(id).Stage.Kind == StageKind.Transfer)
            .SelectMany(id => inputs.Metrics<TrainMetrics>(id).EarlyStopping?.Keys ?? [])
            .Distinct(StringComparer.Ordinal);

    static JsonArray RunsJson(PgrSummary summary) => new(summary.Runs.Select(r => (JsonNode)new JsonObject
    {
        ["weak"] = r.Run.Weak, ["strong"] = r.Run.Strong, ["loss"] = r.Run.Loss, ["seed"] = r.Run.Seed,
        ["weakAcc"] = r.Run.WeakAcc, ["transferAcc"] = r.Run.TransferAcc, ["ceilingAcc"] = r.Run.CeilingAcc,
        ["agreement"] = r.Run.Agreement, ["pgr"] = r.Pgr, ["flag"] = r.ExcludedBecause,
    }).ToArray());

    /// <summary>The record's summary shape (read by the PGR table, `Runs` and the audit's gate comparison).</summary>
    static JsonObject SummaryJson(PgrSummary s) => new()
    {
        ["pairs"] = new JsonArray(s.Pairs.Select(pair =>
        {
            var runs = s.Runs.Where(r => (r.Run.Weak, r.Run.Strong, r.Run.Loss) == (pair.Weak, pair.Strong, pair.Loss)).ToList();
            var agreements = runs.Where(r => r.Run.Agreement is not null).Select(r => r.Run.Agreement!.Value).ToList();
            return (JsonNode)new JsonObject
            {
                ["weak"] = pair.Weak, ["strong"] = pair.Strong, ["loss"] = pair.Loss,
                ["seeds"] = runs.Count, ["validSeeds"] = pair.Stats.Count,
                ["weakAcc"] = runs.Average(r => r.Run.WeakAcc), ["transferAcc"] = runs.Average(r => r.Run.TransferAcc),
                ["ceilingAcc"] = runs.Average(r => r.Run.CeilingAcc),
                ["agreement"] = agreements.Count > 0 ? agreements.Average() : null,
                ["pgrMedian"] = pair.Stats.Median, ["pgrMean"] = pair.Stats.Mean, ["pgrSe"] = pair.Stats.StandardError,
            };
        }).ToArray()),
        ["medianPgrByLoss"] = new JsonObject(s.Losses.Select(l => KeyValuePair.Create(l.Loss, (JsonNode?)JsonValue.Create(l.Stats.Median)))),
        ["flagged"] = new JsonArray(s.Excluded.Select(r =>
            (JsonNode)$"{r.Run.Weak}->{r.Run.Strong}/{r.Run.Loss}/s{r.Run.Seed}: {r.ExcludedBecause}").ToArray()),
    };
}
