using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Provenance.Audit;

/// <summary>
/// The checks every reader that shows a record's numbers makes, cheap enough for each listing: the key check
/// (<see cref="RecordFile.IntegrityProblem"/>), and, where a store the record names is still on this machine, its
/// summary against the evaluate stage's stored output (<see cref="MetricAudit.SummaryProblem"/>). Audit checks the rest.
/// </summary>
public static class RecordTrust
{
    /// <summary>Null when a re-keyed edit of the summary is not detectable here; else one line saying which number differs.</summary>
    public static string? ForgedSummary(RunRecord record)
    {
        string? root = record.Executions.Reverse().Select(e => e.Store).FirstOrDefault(s => s is not null && Directory.Exists(s));
        return root is null || MetricAudit.SummaryProblem(record, root) is not { } problem ? null : $"metrics edited: {problem}";
    }

    /// <summary><see cref="RunRecord.Read"/>, refusing also a record whose summary contradicts its stored output.</summary>
    /// <exception cref="InvalidDataException">Not a run record, edited, or its numbers contradicted; one line that starts with the path.</exception>
    public static RunRecord ReadTrusted(string path)
    {
        var record = RunRecord.Read(path);
        return ForgedSummary(record) is { } problem ? throw new InvalidDataException($"{path}: {problem}") : record;
    }
}
