using System.Text;
using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Application.Status;

/// <summary>`status` as text (one line per stage, its reasons indented under it) and as JSON.</summary>
public static class StatusText
{
    public static string Text(StatusResult r)
    {
        var sb = new StringBuilder();
        sb.Append($"{r.Experiment}{(r.Scale is null ? "" : $" at scale {r.Scale}")}: {r.Stages.Count - r.ToRun} of {r.Stages.Count} stages in the store {r.StoreRoot}");
        sb.Append(r.ComparedWith is null ? "; no record to compare with\n" : $"; compared with record {r.ComparedWith[..12]}\n");
        int width = r.Stages.Max(s => s.Id.Length);
        foreach (var s in r.Stages)
        {
            sb.Append($"  {s.Id.PadRight(width)}  {(s.Stored ? "in store" : "would run")}\n");
            foreach (var why in s.Why) sb.Append($"  {"".PadRight(width)}    {why}\n");
        }
        sb.Append(r.ToRun == 0 ? "up to date: reproduce would compute nothing\n" : $"{r.ToRun} stages would run\n");
        return sb.ToString();
    }

    public static string Json(StatusResult r) => JsonRenderer.Format(new JsonObject
    {
        ["experiment"] = r.Experiment,
        ["scale"] = r.Scale,
        ["store"] = r.StoreRoot,
        ["comparedWith"] = r.ComparedWith,
        ["toRun"] = r.ToRun,
        ["stages"] = new JsonArray(r.Stages.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["key"] = s.Key,
            ["stored"] = s.Stored,
            ["why"] = new JsonArray(s.Why.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
        }).ToArray()),
    });
}
