using System.Text.Json.Nodes;
using WeakToStrong.Core.Reports;

namespace WeakToStrong.Runner.Application;

/// <summary>What `report` prints, as text and as `--json`: the run, the folder, each file, and what the record could not show.</summary>
public static class ReportText
{
    public static string Text(ReportResult result)
    {
        var lines = new List<string> { $"report of run {result.RunKey}" };
        if (result.History is { } history) lines.Add("history: " + history);
        lines.Add($"report {result.Directory}");
        lines.AddRange(result.Files.Select(f => "  " + f));
        lines.AddRange(ReportFacts.Notes(result.Report).Select(n => "note: " + n));
        return string.Concat(lines.Select(l => l + "\n"));
    }

    public static JsonObject Json(ReportResult result) => new()
    {
        ["runKey"] = result.RunKey,
        ["record"] = result.RecordPath,
        ["history"] = result.History,
        ["directory"] = result.Directory,
        ["files"] = new JsonArray(result.Files.Select(f => (JsonNode)f).ToArray()),
        ["figures"] = new JsonArray(ReportFigures.Of(result.Report).Select(f => (JsonNode)new JsonObject
        {
            ["kind"] = f.Kind.ToString(), ["png"] = f.Stem + ".png", ["svg"] = f.Stem + ".svg", ["title"] = f.Title,
        }).ToArray()),
        ["notes"] = new JsonArray(ReportFacts.Notes(result.Report).Select(n => (JsonNode)n).ToArray()),
    };
}
