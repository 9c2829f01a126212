using System.Text;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Reports;
using WeakToStrong.Core.Results;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Application;

/// <summary>What `diff` prints: plain text (default), Markdown (`--md`, to paste into a pull request) or JSON (`--json`, unrounded).</summary>
public static class DiffText
{
    public static string Text(RunDiff d)
    {
        var sb = new StringBuilder();
        sb.Append($"a {d.A.RunKey} ({d.A.Experiment} {d.A.Scale}, {d.A.RecordPath})\n");
        sb.Append($"b {d.B.RunKey} ({d.B.Experiment} {d.B.Scale}, {d.B.RecordPath})\n");
        sb.Append($"manifest: {Count(d.Manifest.Count, "path")} changed\n");
        foreach (var c in d.Manifest) sb.Append($"  {c.Path}: {c.Recorded ?? "absent"} -> {c.Current ?? "absent"}\n");
        if (d.Code.Count > 0)
        {
            sb.Append($"code identity: {Count(d.Code.Count, "field")} changed\n");
            foreach (var c in d.Code) sb.Append($"  {c.Path}: {c.Recorded ?? "absent"} -> {c.Current ?? "absent"}\n");
        }
        sb.Append($"stages: {d.StagesSame} with the same key, {Count(d.Stages.Count, "stage")} differ\n");
        int width = d.Stages.Select(s => s.Id.Length).DefaultIfEmpty(0).Max();
        foreach (var s in d.Stages) sb.Append($"  {s.Status,-9}  {s.Id.PadRight(width)}  {Short(s.KeyA)} -> {Short(s.KeyB)}\n");
        sb.Append($"would recompute from a's store: {Count(d.Recompute.Count, "stage")} of b's\n");
        foreach (var id in d.Recompute) sb.Append($"  {id}\n");
        sb.Append("metrics (delta = b - a; SE over seeds, of the delta sqrt(SE_a^2 + SE_b^2)):\n");
        var rows = d.Metrics.Select(m => new[] { m.Metric, Numbers.F3(m.A), Numbers.F3(m.B), Numbers.Signed(m.Delta), Numbers.F3(m.SeA), Numbers.F3(m.SeB), Numbers.F3(m.Se), Numbers.F1(m.DeltaInSe) }).ToList();
        string[] header = ["metric", "a", "b", "delta", "SE a", "SE b", "SE delta", "|delta|/SE"];
        int[] widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
            sb.Append("  " + string.Join("  ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd() + "\n");
        return sb.ToString();
    }

    public static string Markdown(RunDiff d)
    {
        var sb = new StringBuilder();
        sb.Append($"### Run diff: `{d.A.RunKey[..12]}` → `{d.B.RunKey[..12]}`\n\n");
        sb.Append($"- a: `{d.A.RunKey}` ({d.A.Experiment}, {d.A.Scale}, finished {d.A.FinishedAt ?? "?"})\n");
        sb.Append($"- b: `{d.B.RunKey}` ({d.B.Experiment}, {d.B.Scale}, finished {d.B.FinishedAt ?? "?"})\n\n");
        sb.Append($"**Manifest**: {Count(d.Manifest.Count, "path")} changed\n\n");
        if (d.Manifest.Count > 0)
        {
            sb.Append("| path | a | b |\n|---|---|---|\n");
            foreach (var c in d.Manifest) sb.Append($"| `{c.Path}` | {Code(c.Recorded)} | {Code(c.Current)} |\n");
            sb.Append('\n');
        }
        if (d.Code.Count > 0)
        {
            sb.Append($"**Code identity**: {Count(d.Code.Count, "field")} changed\n\n| field | a | b |\n|---|---|---|\n");
            foreach (var c in d.Code) sb.Append($"| `{c.Path}` | {Code(c.Recorded)} | {Code(c.Current)} |\n");
            sb.Append('\n');
        }
        sb.Append($"**Stages**: {d.StagesSame} with the same key, {Count(d.Stages.Count, "stage")} differ; " +
                  $"{Count(d.Recompute.Count, "stage")} of b's would recompute from a's store\n\n");
        if (d.Stages.Count > 0)
        {
            sb.Append("| stage | status | a | b |\n|---|---|---|---|\n");
            foreach (var s in d.Stages) sb.Append($"| `{s.Id}` | {s.Status} | {Code(Short(s.KeyA))} | {Code(Short(s.KeyB))} |\n");
            sb.Append('\n');
        }
        sb.Append("**Metrics** (Δ = b − a; SE over seeds; SE of Δ = √(SE_a² + SE_b²))\n\n| metric | a | b | Δ | SE a | SE b | SE Δ | \\|Δ\\|/SE |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var m in d.Metrics)
            sb.Append($"| {m.Metric} | {Numbers.F3(m.A)} | {Numbers.F3(m.B)} | {Numbers.Signed(m.Delta)} | {Numbers.F3(m.SeA)} | {Numbers.F3(m.SeB)} | {Numbers.F3(m.Se)} | {Numbers.F1(m.DeltaInSe)} |\n");
        return sb.ToString();
    }

    public static JsonObject Json(RunDiff d) => new()
    {
        ["a"] = Side(d.A),
        ["b"] = Side(d.B),
        ["manifest"] = Changes(d.Manifest),
        ["code"] = Changes(d.Code),
        ["stagesSame"] = d.StagesSame,
        ["stages"] = new JsonArray(d.Stages.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["status"] = s.Status, ["a"] = s.KeyA, ["b"] = s.KeyB }).ToArray()),
        ["recompute"] = new JsonArray(d.Recompute.Select(id => (JsonNode)id).ToArray()),
        ["metrics"] = new JsonArray(d.Metrics.Select(m => (JsonNode)new JsonObject
        {
            ["metric"] = m.Metric, ["a"] = m.A, ["b"] = m.B, ["delta"] = m.Delta, ["seA"] = m.SeA, ["seB"] = m.SeB, ["se"] = m.Se, ["deltaInSe"] = m.DeltaInSe,
        }).ToArray()),
    };

    static JsonObject Side(DiffSide s) => new() { ["runKey"] = s.RunKey, ["record"] = s.RecordPath, ["experiment"] = s.Experiment, ["scale"] = s.Scale, ["finishedAt"] = s.FinishedAt };

    static JsonArray Changes(IEnumerable<Provenance.Audit.JsonChange> changes) =>
        new(changes.Select(c => (JsonNode)new JsonObject { ["path"] = c.Path, ["a"] = c.Recorded, ["b"] = c.Current }).ToArray());

    static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    static string Short(string? key) => key is null ? "-" : key[..Math.Min(12, key.Length)];

    /// <summary>A value as inline code; '|' escaped, so a JSON array in a cell does not end it.</summary>
    static string Code(string? value) => value is null ? "absent" : $"`{value.Replace("|", "\\|", StringComparison.Ordinal)}`";
}
