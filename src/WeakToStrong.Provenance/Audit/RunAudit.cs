using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Audit;

/// <summary>
/// `Audit`: re-hashes every artifact a run record names and compares the record with the store and, where given,
/// with the manifest, code identity and plan as they are now (DVC's `dvc status`, content-addressed end to end).
/// Reads the store and the record only; never writes.
/// </summary>
public static class RunAudit
{
    public static AuditReport Audit(string recordPath, ContentStore store, CurrentState? current = null)
    {
        current ??= CurrentState.None;
        var (record, integrity) = ReadLenient(recordPath);
        var stages = AuditStages(record.Stages, store, current.Stages);

        ManifestChange? manifest = null;
        if (current.Manifest is { } now)
        {
            string recordedHash = (string?)record.Hashed["manifestHash"] ?? "";
            string currentHash = ContentKey.Of(now);
            if (recordedHash != currentHash)
                manifest = new ManifestChange(recordedHash, currentHash, JsonPathDiff.Compare(record.Hashed["manifest"], now));
        }
        var code = current.Code is { } c ? JsonPathDiff.Compare(record.Hashed["code"], c) : [];

        var (metrics, metricsUnchecked) = MetricAudit.Check(record, store, stages);
        return new AuditReport(Path.GetFullPath(recordPath), record.RunKey, (string?)record.Hashed["experiment"], integrity,
            stages, manifest, current.Manifest is not null, code, current.Code is not null, ManifestProblem: current.ManifestProblem)
        {
            History = RunHistoryText.Line(record),
            Metrics = metrics,
            MetricsUnchecked = metricsUnchecked,
        };
    }

    /// <summary>
    /// Reads a record like <see cref="RunRecord.Read"/> but keeps going when its stated key does not match its hashed
    /// part: an audit should still say which artifacts are intact, with the mismatch as one line of its report.
    /// </summary>
    public static (RunRecord Record, string? IntegrityProblem) ReadLenient(string path)
    {
        var file = RunRecordSchema.Read(path);
        return (file.Record, file.IntegrityProblem);
    }

    static List<StageAudit> AuditStages(IReadOnlyList<RecordedStage> stages, ContentStore store, IReadOnlyList<PlannedStage>? planned)
    {
        var recorded = new List<StageAudit>();
        // Several stages may name one object (a shared body); hash each file once.
        var hashes = new Dictionary<string, ContentRef?>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            var artifacts = new List<ArtifactAudit>();
            foreach (var (name, expected) in stage.Outputs)
            {
                if (!hashes.TryGetValue(expected.Sha256, out var found))
                {
                    string path = store.PathOf(expected.Sha256);
                    // A link or special file is no object (a repair quarantines it); hashing one could fail, block or stream.
                    hashes[expected.Sha256] = found = ContentStore.NotARegularObject(path) is null && File.Exists(path) ? ContentStore.HashFile(path) : null;
                }
                artifacts.Add(new ArtifactAudit(name, expected, found));
            }
            recorded.Add(new StageAudit(stage.Id, stage.Kind, stage.Key, artifacts));
        }
        if (planned is null) return recorded;

        var keys = recorded.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var byId = recorded.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var added = planned.Where(p => !keys.Contains(p.Key))
            .Select(p => new StageAudit(p.Id, p.Kind, p.Key, [], IsNew: true, ReplacesKey: byId.GetValueOrDefault(p.Id)?.Key));
        return [.. recorded, .. added];
    }
}
