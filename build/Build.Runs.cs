using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Provenance.Records;

/// <summary>`Runs`: past runs from their records under runs/ (the records are the index), optionally of one experiment.</summary>
partial class Build
{
    Target Runs => _ => _
        .Description("Lists past runs (key, scale, finish time, PGR by loss) from runs/<experiment>/*.json; --experiment narrows it.")
        .Executes(() =>
        {
            var list = RunIndex.List(RunsDirectory, string.IsNullOrEmpty(Experiment) ? null : Experiment);
            if (Json)
            {
                Output.Line(new JsonArray(list.Select(r => (JsonNode)new JsonObject
                {
                    ["experiment"] = r.Experiment, ["runKey"] = r.RunKey, ["scale"] = r.Scale, ["finishedAt"] = r.FinishedAt, ["path"] = r.Path,
                    ["medianPgrByLoss"] = r.Summary?["medianPgrByLoss"]?.DeepClone(),
                }).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return;
            }
            if (list.Count == 0)
            {
                Output.Line(string.IsNullOrEmpty(Experiment) ? $"No runs recorded under {RunsDirectory}." : $"No runs of '{Experiment}' recorded under {RunsDirectory}.");
                return;
            }
            foreach (var r in list)
                Output.Line($"{r.Experiment,-20} {r.RunKey[..Math.Min(12, r.RunKey.Length)]}  {r.Scale ?? "-",-6} {r.FinishedAt ?? "-",-34} {Pgr(r.Summary)}");
        });

    /// <summary>"xent 0.512 logconf 0.488": the per-loss pooled median PGR the paper plots.</summary>
    static string Pgr(JsonObject? summary) =>
        summary?["medianPgrByLoss"] is JsonObject byLoss
            ? string.Join(' ', byLoss.Select(p => $"{p.Key} {(p.Value is null ? "n/a" : ((double)p.Value).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))}"))
            : "";
}
