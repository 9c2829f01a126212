using System.Text.Json.Nodes;
using WeakToStrong.Core.Reports;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Results;

/// <summary>One stage id whose key differs between two runs, or that only one run has (the other key null).</summary>
public sealed record StageChange(string Id, string? KeyA, string? KeyB)
{
    public string Status => KeyA is null ? "only in b" : KeyB is null ? "only in a" : "changed";
}

/// <summary>One run as a diff names it.</summary>
public sealed record DiffSide(string RunKey, string RecordPath, string Experiment, string Scale, string? FinishedAt);

/// <summary>
/// Two runs compared from their records alone: the resolved manifests' changed paths (Audit's <see cref="JsonPathDiff"/>),
/// the stages whose keys changed, which of b's stages a store holding a's outputs would recompute (content-keyed:
/// a stage is computed again exactly when its key is new), and the metric deltas with the seed SE beside them.
/// </summary>
public sealed record RunDiff(DiffSide A, DiffSide B, IReadOnlyList<JsonChange> Manifest, int StagesSame, IReadOnlyList<StageChange> Stages,
    IReadOnlyList<string> Recompute, IReadOnlyList<JsonChange> Code, IReadOnlyList<MetricDelta> Metrics)
{
    public static RunDiff Of(string pathA, string pathB)
    {
        var (inputA, a) = ReportRecords.Read(pathA);
        var (inputB, b) = ReportRecords.Read(pathB);
        var keysA = StageKeys(a);
        var keysB = StageKeys(b);
        var ids = keysA.Keys.Concat(keysB.Keys.Where(k => !keysA.ContainsKey(k))).ToList();
        var changes = ids.Select(id => new StageChange(id, keysA.GetValueOrDefault(id), keysB.GetValueOrDefault(id)))
            .Where(c => c.KeyA != c.KeyB).ToList();
        var known = keysA.Values.ToHashSet(StringComparer.Ordinal);
        return new RunDiff(Side(a, pathA), Side(b, pathB),
            JsonPathDiff.Compare(a.Hashed["manifest"], b.Hashed["manifest"]),
            ids.Count - changes.Count, changes,
            keysB.Where(s => !known.Contains(s.Value)).Select(s => s.Key).ToList(),
            JsonPathDiff.Compare(a.Hashed["code"], b.Hashed["code"]),
            MetricDiff.Of(inputA, inputB));
    }

    /// <summary>Stage id → key, in the record's (execution) order.</summary>
    static OrderedDictionary<string, string> StageKeys(RunRecord record)
    {
        var keys = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in record.Stages) keys[s.Id] = s.Key;
        return keys;
    }

    static DiffSide Side(RunRecord record, string path) => new(record.RunKey, Path.GetFullPath(path), record.Experiment,
        (string?)record.Hashed["scale"] ?? "as written", record.First.FinishedAt);
}
