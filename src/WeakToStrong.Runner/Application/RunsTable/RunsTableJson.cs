using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>`runs --table --json`: the columns (name, kind) and per run its cells, manifest values as JSON values, the PGR bounds as numbers.</summary>
public static class RunsTableJson
{
    public static string Json(RunsTableResult table) => JsonRenderer.Format(new JsonObject
    {
        ["runsDirectory"] = table.RunsDirectory,
        ["experiment"] = table.Experiment,
        ["columns"] = new JsonArray(table.Columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name, ["kind"] = c.Kind.ToString().ToLowerInvariant(),
        }).ToArray()),
        ["rows"] = new JsonArray(table.Rows.Select(r => (JsonNode)new JsonObject
        {
            ["runKey"] = r.RunKey,
            ["experiment"] = r.Experiment,
            ["record"] = r.RecordPath,
            ["cells"] = new JsonObject(table.Columns.Select(c => KeyValuePair.Create(c.Name, Node(c, r.Cells.GetValueOrDefault(c.Name))))),
            ["unbounded"] = new JsonArray(r.Unbounded.Order(StringComparer.Ordinal).Select(u => (JsonNode)u).ToArray()),
        }).ToArray()),
        ["skipped"] = new JsonArray(table.Skipped.Select(s => (JsonNode)new JsonObject { ["record"] = s.RecordPath, ["reason"] = s.Reason }).ToArray()),
    });

    static JsonNode? Node(RunsColumn column, object? value) => value switch
    {
        null => null,
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        string s when column.Kind == RunsColumnKind.Manifest => JsonNode.Parse(s),
        string s => JsonValue.Create(s),
        _ => null,
    };
}
