using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Records;

/// <summary>What <see cref="RunHistory.Append"/> wrote: the record, how many executions it now holds, and where a
/// damaged file that stood under the same name was moved (null when none was).</summary>
public sealed record RecordWrite(string Path, int Executions, string? SetAside);

/// <summary>
/// The run history: `runs/&lt;experiment&gt;/&lt;runKey&gt;.json` keeps every execution of its run. A re-run with the same
/// key appends its execution; nothing is overwritten. Two runs of one experiment finishing at once serialise on the
/// experiment folder's lock file, and the file is replaced by temp file + rename, so a reader sees the old record or
/// the new one, never a torn one.
/// </summary>
public static class RunHistory
{
    public static RecordWrite Append(string runsDirectory, RunRecord record)
    {
        string folder = Path.Combine(runsDirectory, record.Experiment);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, record.RunKey + ".json");
        using var _ = FileLock.Acquire(Path.Combine(folder, ".records.lock"));

        var executions = new List<RunExecution>();
        string? setAside = null;
        if (File.Exists(path))
        {
            if (Existing(path) is { } existing && existing.RunKey == record.RunKey) executions.AddRange(existing.Executions);
            else setAside = SetAside(path);
        }
        executions.AddRange(record.Executions);
        AtomicFile.WriteAllText(path, RunRecordSchema.Serialize(new RunRecord(record.Hashed, executions)));
        return new RecordWrite(path, executions.Count, setAside);
    }

    /// <summary>The record under the run's name, when it is one whose stated key is its hashed part's; else null.</summary>
    static RunRecord? Existing(string path)
    {
        try
        {
            var file = RunRecordSchema.Read(path);
            return file.IntegrityProblem is null ? file.Record : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// An unreadable or edited file under the run's name has no history this run can extend, and its executions
    /// cannot be trusted; it is kept beside the record (not overwritten, not listed: it does not end in .json).
    /// </summary>
    static string SetAside(string path)
    {
        string aside = $"{path}.{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}.set-aside";
        File.Move(path, aside);
        return aside;
    }
}
