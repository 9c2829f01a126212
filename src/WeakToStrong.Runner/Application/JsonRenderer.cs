using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Results;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Runner.Auditing;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// `--json` for every verb, for both front-ends: one document per verb, indented, LF line endings, ending in a
/// newline. Hashes and paths are written as they are (`sha512-…+…`, `<`), not as \u002B escapes: the output is read
/// by people and JSON parsers, never embedded in HTML.
/// </summary>
public static class JsonRenderer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Plan(PlanResult result) => Format(new JsonObject
    {
        ["manifest"] = result.Resolved.Resolved.DeepClone(),
        ["plan"] = result.Plan.ToJson(),
    });

    public static string Reproduce(ReproduceResult result) => result.Detached is { } d
        ? Format(new JsonObject { ["detached"] = new JsonObject { ["jobs"] = d.Jobs, ["submitted"] = d.Submitted, ["plan"] = d.PlanFile } })
        : Format(new JsonObject
    {
        ["runKey"] = result.RunKey,
        ["record"] = result.RecordPath,
        ["report"] = result.ReportDirectory,
        ["reportError"] = result.ReportError,
        ["pgr"] = new JsonArray(result.Pgr.Select(r => (JsonNode)new JsonObject
        {
            ["weak"] = r.Weak, ["strong"] = r.Strong, ["loss"] = r.Loss, ["checkpoint"] = r.Checkpoint,
            ["weakAcc"] = Number(r.WeakAcc), ["transferAcc"] = Number(r.TransferAcc), ["ceilingAcc"] = Number(r.CeilingAcc),
            ["pgr"] = Number(r.Pgr), ["agreement"] = Number(r.Agreement), ["seeds"] = r.Seeds,
            ["pgrRatioOfMeans"] = Number(r.PgrRatioOfMeans), ["pgrCi"] = Ci(r.PgrCi), ["pgrCiNote"] = r.PgrCiNote,
            ["gain"] = Number(r.Gain), ["gainCi"] = Ci(r.GainCi), ["errorCorrection"] = Number(r.ErrorCorrection),
            ["flags"] = new JsonArray(r.Flags.Select(f => (JsonNode)f).ToArray()),
        }).ToArray()),
    });

    public static string Runs(RunsResult result) => Format(new JsonArray(result.Runs.Select(r => (JsonNode)new JsonObject
    {
        ["experiment"] = r.Experiment,
        ["runKey"] = r.RunKey,
        ["scale"] = r.Scale,
        ["finishedAt"] = r.FinishedAt,
        ["reexecutions"] = r.Reexecutions,
        ["problem"] = r.Problem,
        ["path"] = r.Path,
        ["medianPgrByLoss"] = r.Summary is { } summary ? new JsonObject(summary.MedianPgrByLoss.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))) : null,
        ["gated"] = r.Gate is null ? null : new JsonObject(RunsGates.Values(r).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Value))),
    }).ToArray()));

    /// <summary>The report's numbers (<see cref="ResultsJson"/>), and where its Markdown was written.</summary>
    public static string Results(ResultsResult result) => Format(ResultsNode(result));

    public static string Suite(SuiteResult result) => Format(new JsonObject
    {
        ["succeeded"] = result.Succeeded,
        ["experiments"] = new JsonArray(result.Steps.Select(s => (JsonNode)new JsonObject
        {
            ["experiment"] = s.Experiment, ["runKey"] = s.RunKey, ["error"] = s.Error,
        }).ToArray()),
        ["results"] = ResultsNode(result.Results),
    });

    static JsonObject ResultsNode(ResultsResult result)
    {
        var node = ResultsJson.Of(result.Report);
        node["markdown"] = result.OutputPath;
        node["recordsFound"] = result.RecordsFound;
        return node;
    }

    public static string Report(ReportResult result) => Format(ReportText.Json(result));

    public static string Diff(Results.RunDiff diff) => Format(DiffText.Json(diff));

    public static string Audit(AuditReport report) => Format(report.ToJson());

    public static string Repair(RepairResult result) => Format(new JsonObject
    {
        ["runKey"] = result.RunKey,
        ["record"] = result.RecordPath,
        ["clean"] = result.Clean,
        ["keyChanged"] = result.KeyChanged,
        ["recomputed"] = new JsonArray(result.Recomputed.Select(id => (JsonNode)id).ToArray()),
        ["quarantined"] = new JsonArray(result.Quarantined.Select(n => (JsonNode)new JsonObject
        {
            ["file"] = n.File, ["what"] = n.What, ["expected"] = n.Expected, ["actual"] = n.Actual,
        }).ToArray()),
        ["before"] = result.Before.ToJson(),
        ["after"] = result.After.ToJson(),
    });

    /// <summary>The text of <paramref name="node"/> as every verb writes JSON, with a final newline.</summary>
    public static string Format(JsonNode node) => node.ToJsonString(Options) + "\n";

    /// <summary>JSON has no NaN: a value that was not measured (a PGR without a gap, agreement not computed) is null.</summary>
    static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    static JsonArray? Ci(Core.Statistics.Interval? ci) => ci is null ? null : new JsonArray(ci.Lo, ci.Hi);

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
