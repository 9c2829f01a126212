using System.Text.Json.Nodes;

namespace WeakToStrong.Provenance.Audit;

/// <summary>The report for machines (`--json`): every stage and artifact with its status, not only the problems.</summary>
public static class AuditJson
{
    public static JsonObject Render(AuditReport r)
    {
        var json = new JsonObject
        {
            ["clean"] = r.Clean,
            ["runKey"] = r.RunKey,
            ["experiment"] = r.Experiment,
            ["record"] = r.RecordPath,
            ["recordIntegrity"] = r.IntegrityProblem ?? "ok",
            ["history"] = r.History,
            ["metrics"] = new JsonArray(r.Metrics.Select(m => (JsonNode)new JsonObject
            {
                ["where"] = m.Where, ["source"] = m.Source, ["field"] = m.Field, ["recorded"] = m.Recorded, ["stored"] = m.Stored,
            }).ToArray()),
            ["metricsUnchecked"] = new JsonArray(r.MetricsUnchecked.Select(u => (JsonNode)new JsonObject { ["stage"] = u.Stage, ["why"] = u.Why }).ToArray()),
            ["stages"] = new JsonArray(r.Stages.Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Id,
                ["kind"] = s.Kind,
                ["key"] = s.Key,
                ["status"] = Name(s.Status),
                ["replacesKey"] = s.ReplacesKey,
                ["artifacts"] = new JsonArray(s.Artifacts.Select(a => (JsonNode)new JsonObject
                {
                    ["name"] = a.Name, ["status"] = Name(a.Status), ["expected"] = a.Expected.ToString(), ["found"] = a.Found?.ToString(),
                }).ToArray()),
            }).ToArray()),
            ["manifest"] = r.ManifestProblem is { } problem ? new JsonObject { ["status"] = "unresolvable", ["problem"] = problem }
                : !r.ManifestCompared ? "not compared" : r.Manifest is null ? "unchanged" : new JsonObject
            {
                ["status"] = "changed",
                ["recordedHash"] = r.Manifest.RecordedHash,
                ["currentHash"] = r.Manifest.CurrentHash,
                ["paths"] = Changes(r.Manifest.Paths),
            },
            ["code"] = !r.CodeCompared ? "not compared" : r.Code.Count == 0 ? "unchanged" : new JsonObject
            {
                ["status"] = "changed", ["fields"] = Changes(r.Code),
            },
        };
        if (r.Rerun is { } rerun)
            json["rerun"] = new JsonObject
            {
                ["passed"] = rerun.Passed,
                ["expect"] = rerun.ExpectBitIdentical ? "bit-identical" : "within tolerance",
                ["why"] = rerun.Why,
                ["runKey"] = rerun.RerunRunKey,
                ["identical"] = rerun.Identical,
                ["differingOutputs"] = new JsonArray(rerun.DifferingOutputs.Select(o => (JsonNode)o).ToArray()),
                ["metrics"] = new JsonArray(rerun.Metrics.Select(m => (JsonNode)new JsonObject
                {
                    ["name"] = m.Name, ["recorded"] = m.Recorded, ["rerun"] = m.Rerun, ["abs"] = m.Abs, ["rel"] = m.Rel, ["within"] = m.Within,
                }).ToArray()),
            };
        return json;
    }

    static JsonArray Changes(IReadOnlyList<JsonChange> changes) => new(changes.Select(c => (JsonNode)new JsonObject
    {
        ["path"] = c.Path, ["recorded"] = c.Recorded, ["current"] = c.Current,
    }).ToArray());

    static string Name(AuditStatus s) => s.ToString().ToLowerInvariant();
}
