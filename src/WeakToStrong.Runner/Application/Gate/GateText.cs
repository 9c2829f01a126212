using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Gate;

namespace WeakToStrong.Runner.Application.Gate;

/// <summary>How `gate` reads on a terminal (a table per experiment, then one line per failure) and as `--json`.</summary>
public static class GateText
{
    static string F(double? v) => v is null || double.IsNaN(v.Value) ? "undefined" : v.Value.ToString("F4", CultureInfo.InvariantCulture);

    public static string Render(GateResult result)
    {
        var sb = new StringBuilder();
        foreach (var o in result.Outcomes)
        {
            var v = o.Verdict;
            sb.AppendLine($"gate {v.Experiment} {o.Current.Version} (run {v.RunKey[..12]}, {o.Current.TestItems} test items{string.Concat(v.Gaps.Select(g => $"; {g}"))})");
            var old = o.Committed?.Metrics.ToDictionary(m => m.Metric, m => m.Value) ?? [];
            var rows = o.Accepted || v.Rows.Count == 0
                ? o.Current.Metrics.Select(m => new GateRow(m.Metric, old.GetValueOrDefault(m.Metric), m.Value, null, null)).ToList()
                : v.Rows;
            // As wide as the longest metric name (`transfer.acc l1-lp->minilm-lp/logconf` is 38), so the numbers line up.
            int width = Math.Max(34, rows.Select(r => r.Metric.Length).DefaultIfEmpty(0).Max());
            sb.AppendLine($"  {"metric".PadRight(width)} {"snapshot",10} {"now",10} {"Δ",9} {"tolerance",10}");
            foreach (var r in rows)
            {
                string snapshot = o.Accepted && o.Committed is null ? "(new)" : F(r.Snapshot);
                string delta = r.Snapshot is { } s && r.Current is { } c ? (c - s).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture) : "";
                string verdict = o.Accepted ? (r.Snapshot == r.Current ? "same" : "accepted") : r.Within ? "ok" : "MOVED";
                string tol = o.Accepted ? "" : "±" + F(r.Tolerance);
                sb.AppendLine($"  {r.Metric.PadRight(width)} {snapshot,10} {F(r.Current),10} {delta,9} {tol,10}  {verdict}");
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

    /// <summary>
    /// The derivation as docs/gate.md shows it: per experiment, every row's value at the base seeds, its spread over
    /// the derivation groups and its tolerance, then each check group's verdict (the false-alarm table).
    /// </summary>
    public static string Derivations(IReadOnlyList<GateDerivation> derivations)
    {
        var sb = new StringBuilder();
        foreach (var d in derivations)
        {
            var tolerance = d.Tolerances.SelectMany(t => t.Rows.Select(r => (Metric: $"{t.Family} {r.Key}", r.Value)))
                .ToDictionary(r => r.Metric, r => r.Value, StringComparer.Ordinal);
            sb.AppendLine($"### {d.Experiment}");
            sb.AppendLine();
            sb.AppendLine($"Base run `{d.Base.RunKey[..12]}` (seeds {string.Join(", ", d.Base.Seeds)}); {d.Derivation.Count} derivation groups " +
                          $"(seeds {d.Derivation[0].Seeds[0]}–{d.Derivation[^1].Seeds[^1]}); {d.Checks.Count} check groups " +
                          $"(seeds {d.Checks[0].Seeds[0]}–{d.Checks[^1].Seeds[^1]})" +
                          (d.Base.PretrainSeed is { } b ? $"; each group on a body of its own (pretrain.seed {d.Derivation[0].PretrainSeed}–{d.Checks[^1].PretrainSeed}; the base run's is {b})" : "") +
                          $"; {d.Base.Cpu}, {d.Base.Threads} threads; gaps: {string.Join("; ", GapCheck.Of(d.Base.Snapshot))}.");
            sb.AppendLine();
            sb.AppendLine($"| row | base | derivation groups: min – max | sd | tolerance ({ToleranceDerivation.Factor}·sd) | check groups outside |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var s in d.Spreads)
            {
                var defined = s.GroupValues.Where(v => v is not null).Select(v => v!.Value).ToList();
                int outside = d.CheckVerdicts.Count(v => v.Rows.Any(r => r.Metric == s.Metric && !r.Within));
                sb.AppendLine($"| {s.Metric} | {F(d.Base.Snapshot.Metrics.Single(m => m.Metric == s.Metric).Value)} | " +
                              $"{(defined.Count > 0 ? $"{F(defined.Min())} – {F(defined.Max())}" : "undefined")} | {F(s.Sd)} | " +
                              $"{(tolerance.TryGetValue(s.Metric, out var t) ? F(t) : "none")} | {outside} of {d.CheckVerdicts.Count} |");
            }
            sb.AppendLine();
            sb.AppendLine($"False alarms: {d.FalseAlarms} of {d.CheckVerdicts.Count} check groups failed the gate" +
                          (d.FalseAlarms == 0 ? "." : ": " + string.Join("; ", d.CheckVerdicts.Zip(d.Checks).Where(p => !p.First.Passed)
                              .Select(p => $"group {p.Second.Group}: {string.Join(", ", p.First.Rows.Where(r => !r.Within).Select(r => r.Metric))}")) + "."));
            sb.AppendLine();
        }
        return sb.ToString();
    }

}
