using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Gate;

namespace WeakToStrong.Runner.Application.Gate;

/// <summary>How `gate` reads on a terminal (a table per experiment, then one line per failure) and as `--json`.</summary>
public static class GateText
{
    static string F(double? v) => v is null ? "undefined" : v.Value.ToString("F4", CultureInfo.InvariantCulture);

    public static string Render(GateResult result)
    {
        var sb = new StringBuilder();
        foreach (var o in result.Outcomes)
        {
            var v = o.Verdict;
            sb.AppendLine($"gate {v.Experiment} {o.Current.Version} (run {v.RunKey[..12]}, {o.Current.TestItems} test items; {string.Join("; ", v.Gaps)})");
            sb.AppendLine($"  {"metric",-34} {"snapshot",10} {"now",10} {"Δ",9} {"tolerance",10}");
            var old = o.Committed?.Metrics.ToDictionary(m => m.Metric, m => m.Value) ?? [];
            var rows = o.Accepted || v.Rows.Count == 0
                ? o.Current.Metrics.Select(m => new GateRow(m.Metric, old.GetValueOrDefault(m.Metric), m.Value, null, null)).ToList()
                : v.Rows;
            foreach (var r in rows)
            {
                string snapshot = o.Accepted && o.Committed is null ? "(new)" : F(r.Snapshot);
                string delta = r.Snapshot is { } s && r.Current is { } c ? (c - s).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture) : "";
                string verdict = o.Accepted ? (r.Snapshot == r.Current ? "same" : "accepted") : r.Within ? "ok" : "MOVED";
                string tol = o.Accepted ? "" : "±" + F(r.Tolerance);
                sb.AppendLine($"  {r.Metric,-34} {snapshot,10} {F(r.Current),10} {delta,9} {tol,10}  {verdict}");
            }
            if (o.Accepted) sb.AppendLine($"  wrote {o.SnapshotPath}");
            foreach (var f in v.Failures().Where(_ => !o.Accepted)) sb.AppendLine(f);
        }
        foreach (var (experiment, error) in result.Errors) sb.AppendLine($"gate: {experiment}: {error}");
        int failed = result.Outcomes.Count(o => !o.Accepted && !o.Verdict.Passed) + result.Errors.Count;
        int accepted = result.Outcomes.Count(o => o.Accepted);
        sb.AppendLine(accepted > 0
            ? $"gate: accepted {accepted} snapshot(s){(failed > 0 ? $", {failed} failed" : "")}"
            : failed == 0 ? $"gate: passed ({result.Outcomes.Count} experiments)" : $"gate: FAILED ({failed} of {result.Outcomes.Count + result.Errors.Count} experiments)");
        return sb.ToString();
    }

    public static string Json(GateResult result) => new JsonObject
    {
        ["passed"] = result.Passed,
        ["experiments"] = new JsonArray(result.Outcomes.Select(o => (JsonNode)new JsonObject
        {
            ["experiment"] = o.Verdict.Experiment, ["run"] = o.Verdict.RunKey, ["passed"] = o.Verdict.Passed, ["accepted"] = o.Accepted,
            ["snapshot"] = o.SnapshotPath,
            ["gaps"] = new JsonArray(o.Verdict.Gaps.Select(g => (JsonNode)new JsonObject
            {
                ["weak"] = g.Weak, ["strong"] = g.Strong, ["gap"] = g.Gap, ["sigmas"] = g.Sigmas, ["enough"] = g.Enough,
            }).ToArray()),
            ["metrics"] = new JsonArray(o.Verdict.Rows.Select(r => (JsonNode)new JsonObject
            {
                ["metric"] = r.Metric, ["snapshot"] = r.Snapshot, ["now"] = r.Current, ["tolerance"] = r.Tolerance, ["within"] = r.Within,
            }).ToArray()),
            ["failures"] = new JsonArray(o.Verdict.Failures().Select(f => (JsonNode)f).ToArray()),
        }).ToArray()),
        ["errors"] = new JsonArray(result.Errors.Select(e => (JsonNode)new JsonObject { ["experiment"] = e.Experiment, ["error"] = e.Error }).ToArray()),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>The derivation as docs/gate.md shows it: per experiment, every row's two spreads and the tolerance per family.</summary>
    public static string Derivations(IReadOnlyList<GateDerivation> derivations)
    {
        var sb = new StringBuilder();
        foreach (var d in derivations)
        {
            sb.AppendLine($"### {d.Experiment}");
            sb.AppendLine();
            sb.AppendLine($"Run `{d.RunKey[..12]}`, seeds {string.Join(", ", d.Seeds)}, {d.TestItems} test items, {d.Resamples} bootstrap resamples of seed {d.Seeds[0]}; " +
                          "seed-mean " + string.Join("; seed-mean ", d.Gaps) + ".");
            sb.AppendLine();
            sb.AppendLine("| metric | per seed | sd_seed | sd_boot | 3·√(sd_seed² + sd_boot²) |");
            sb.AppendLine("|---|---|---:|---:|---:|");
            foreach (var s in d.Spreads)
                sb.AppendLine($"| {s.Metric} | {string.Join(" ", s.SeedValues.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)))} | " +
                              $"{F(s.SeedSd)} | {F(s.BootstrapSd)} | {F(ToleranceDerivation.Factor * s.Combined)} |");
            sb.AppendLine();
            sb.AppendLine("| family | tolerance (abs) | set by |");
            sb.AppendLine("|---|---:|---|");
            foreach (var t in d.Tolerances)
                sb.AppendLine($"| {t.Family} | {t.Abs.ToString("0.###", CultureInfo.InvariantCulture)} | {t.Widest.Metric} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
