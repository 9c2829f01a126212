using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Runner.Execution;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Collects test accuracies of the weak, ceiling and transfer stages into per-run PGR rows:
/// PGR = (acc_w2s − acc_weak) / (acc_ceiling − acc_weak). A run whose ceiling does not beat its weak model has no
/// meaningful PGR: it is kept and flagged (never silently dropped) and excluded from medians.
/// </summary>
public static class Evaluation
{
    public sealed record Run(string Weak, string Strong, string Loss, int Seed, double WeakAcc, double TransferAcc, double CeilingAcc)
    {
        public bool Valid => CeilingAcc > WeakAcc;
        public double? Pgr => Valid ? (TransferAcc - WeakAcc) / (CeilingAcc - WeakAcc) : null;
    }

    public static IReadOnlyList<Run> Runs(Stage evaluate, StageInputs inputs)
    {
        var p = evaluate.Parameters;
        var pairs = p["pairs"]!.AsArray().Select(a => a!.AsArray().Select(x => (string)x!).ToArray()).ToList();
        var losses = p["losses"]!.AsArray().Select(x => (string)x!).ToList();
        var seeds = p["seeds"]!.AsArray().Select(x => (int)x!).ToList();
        double Acc(string id) => (double)inputs.Stage(id).Output.Metrics["testAcc"]!;
        return [.. from pair in pairs
                   from loss in losses
                   from seed in seeds
                   select new Run(pair[0], pair[1], loss, seed,
                       Acc($"weak/{pair[0]}/s{seed}"), Acc($"transfer/{pair[0]}->{pair[1]}/{loss}/s{seed}"), Acc($"ceiling/{pair[1]}/s{seed}"))];
    }

    public static StageResult Evaluate(Stage stage, StageInputs inputs, string work)
    {
        var runs = Runs(stage, inputs);
        var rows = new JsonArray(runs.Select(r => (JsonNode)new JsonObject
        {
            ["weak"] = r.Weak, ["strong"] = r.Strong, ["loss"] = r.Loss, ["seed"] = r.Seed,
            ["weakAcc"] = r.WeakAcc, ["transferAcc"] = r.TransferAcc, ["ceilingAcc"] = r.CeilingAcc,
            ["pgr"] = r.Pgr, ["flag"] = r.Valid ? null : "ceiling <= weak",
        }).ToArray());
        var metrics = new JsonObject { ["runs"] = rows, ["summary"] = PgrSummary.Summarize(runs) };
        string path = Path.Combine(work, "pgr.json");
        File.WriteAllText(path, metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new StageResult(new Dictionary<string, string> { ["pgr"] = path }, metrics);
    }
}
