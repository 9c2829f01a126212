using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;

using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Provenance.Audit;

/// <summary>One number (or any metric value) a record states that the stored output it names disagrees with.</summary>
/// <param name="Where">The stage id, or "record" for the record's own metrics.summary.</param>
/// <param name="Source">What was read: "the stage cache entry", "the stored output pgr".</param>
/// <param name="Field">The record's field, a dotted path from the stage (`metrics.summary.pairs[0].pgrMedian`).</param>
public sealed record MetricMismatch(string Where, string Source, string Field, string? Recorded, string? Stored);

/// <summary>A stage whose metrics could not be compared with the store, and why (no or a damaged cache entry).</summary>
public sealed record MetricsUnchecked(string Stage, string Why);

/// <summary>
/// Audit of the numbers, not only the bytes: the run key proves only that the record was not edited *without*
/// re-keying, so every metric the record states is compared with what the store holds for it — each stage's metrics
/// with its stage cache entry's, the evaluate stage's metrics and the record's summary with the evaluate stage's stored
/// output (whose hash the record carries). Reads only.
/// </summary>
public static class MetricAudit
{
    public static (IReadOnlyList<MetricMismatch> Mismatches, IReadOnlyList<MetricsUnchecked> Unchecked) Check(
        RunRecord record, ContentStore store, IReadOnlyList<StageAudit> artifacts)
    {
        var mismatches = new List<MetricMismatch>();
        var notChecked = new List<MetricsUnchecked>();
        var cache = new StageCache(store);
        var intact = artifacts.Where(s => !s.IsNew).SelectMany(s => s.Artifacts.Where(a => a.Status == AuditStatus.Ok).Select(a => (s.Id, a.Name)))
            .ToHashSet();
        JsonNode? storedSummary = null;
        foreach (var stage in record.Stages)
        {
            if (cache.StoredMetrics(stage.Key, out string why) is { } stored)
                mismatches.AddRange(Differences(stage.Id, "the stage cache entry", "metrics", stage.Metrics, stored));
            else
                notChecked.Add(new MetricsUnchecked(stage.Id, why));

            // The evaluate stage writes its metrics as its output `pgr`: content-addressed, so not editable unseen.
            if (stage.Kind == "evaluate" && stage.Outputs.TryGetValue("pgr", out var pgr) && intact.Contains((stage.Id, "pgr")))
            {
                var output = ReadOutput(store.PathOf(pgr.Sha256));
                mismatches.AddRange(Differences(stage.Id, "the stored output pgr", "metrics", stage.Metrics, output));
                storedSummary = output["summary"];
            }
        }
        if (storedSummary is not null)
            mismatches.AddRange(Differences("record", "the evaluate stage's stored output pgr", "metrics.summary", record.Hashed["metrics"]?["summary"], storedSummary));
        return (mismatches, notChecked);
    }

    /// <summary>
    /// The cheap check `runs` makes where the record's store is at hand: the numbers it shows (the record's
    /// metrics.summary) against the evaluate stage's stored output, re-hashed first (it is a few kilobytes). Null when
    /// they agree or cannot be compared (no such output, or not in this store: that is Audit's to report).
    /// </summary>
    public static string? SummaryProblem(RunRecord record, string storeRoot)
    {
        var hashed = record.Hashed;
        if (record.Stages.FirstOrDefault(s => s.Kind == "evaluate")?.Outputs.GetValueOrDefault("pgr") is not { } reference) return null;
        string path = ContentStore.ObjectPath(storeRoot, reference.Sha256);
        if (ContentStore.NotARegularObject(path) is not null || !File.Exists(path) || ContentStore.HashFile(path) != reference) return null;
        var differences = Differences("record", "the evaluate stage's stored output pgr", "metrics.summary",
            hashed["metrics"]?["summary"], ReadOutput(path)["summary"]).ToList();
        if (differences.Count == 0) return null;
        var d = differences[0];
        string more = differences.Count > 1 ? $" and {differences.Count - 1} more" : "";
        return $"{d.Field} is {d.Recorded ?? "absent"} in the record but {d.Stored ?? "absent"} in {d.Source}{more}";
    }

    static IEnumerable<MetricMismatch> Differences(string where, string source, string prefix, JsonNode? recorded, JsonNode? stored) =>
        JsonPathDiff.Compare(recorded, stored).Select(c =>
            new MetricMismatch(where, source, c.Path == "$" ? prefix : $"{prefix}.{c.Path}", c.Recorded, c.Current));

    /// <summary>The stored output as JSON; one that does not parse is a whole-document mismatch (an object of its own).</summary>
    static JsonObject ReadOutput(string path)
    {
        try
        {
            return JsonNode.Parse(UserFile.ReadAllText(path, SizeLimit.Document)) as JsonObject ?? [];
        }
        catch (Exception e) when (e is JsonException or UserFileException)
        {
            return [];
        }
    }
}
