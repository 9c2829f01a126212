using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Provenance.Audit;

namespace WeakToStrong.Provenance.Records;

/// <summary>One line of `Runs`: a past run found under `runs/&lt;experiment&gt;/`.</summary>
/// <param name="FinishedAt">When the first execution, the one that computed (or first recorded) the numbers, finished.</param>
/// <param name="Summary">The evaluate stage's PGR summary; null when the record is unreadable or fails its key check.</param>
public sealed record RunSummary(string Experiment, string RunKey, string Path, string? Scale, string? FinishedAt, EvaluateSummary? Summary)
{
    /// <summary>The resolved manifest's <c>gate</c> (metric → tolerance), which says which of the summary's numbers are gated; null when it has none.</summary>
    public JsonObject? Gate { get; init; }

    /// <summary>Executions after the first (re-runs whose record was appended to).</summary>
    public int Reexecutions { get; init; }

    /// <summary>Null for a record that reads and whose key is the hash of its hashed part; else one line saying what is wrong.</summary>
    public string? Problem { get; init; }
}

/// <summary>Lists past runs from the records on disk (the records are the index: nothing else to keep in sync).</summary>
public static class RunIndex
{
    public static IReadOnlyList<RunSummary> List(string runsDirectory, string? experiment = null)
    {
        if (!Directory.Exists(runsDirectory)) return [];
        var dirs = experiment is null
            ? Directory.GetDirectories(runsDirectory)
            : [Path.Combine(runsDirectory, experiment)];
        var list = new List<RunSummary>();
        foreach (var dir in dirs.Where(Directory.Exists))
            foreach (var file in Directory.GetFiles(dir, "*.json"))
                list.Add(Summarize(Path.GetFileName(dir), file));
        return list.OrderBy(r => r.FinishedAt ?? "", StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A record's line. The key check (its hashed part hashes to the key it states and is named by) is cheap, so it is
    /// done for every record, and so is <see cref="RecordTrust.ForgedSummary"/> (a re-keyed edit, where the record's store
    /// is here): an edited record is listed with its problem and without its numbers.
    /// </summary>
    static RunSummary Summarize(string experiment, string file)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        RecordFile read;
        try
        {
            read = RunRecordSchema.Read(file);
        }
        catch (InvalidDataException e)
        {
            return new RunSummary(experiment, name, file, null, null, null) { Problem = e.Message };
        }
        var record = read.Record;
        string? problem = read.IntegrityProblem
            ?? (name == record.RunKey ? null : $"record renamed or edited: its file name is not its run key ({record.RunKey})")
            ?? RecordTrust.ForgedSummary(record)
            ?? SummaryProblem(record);
        var hashed = record.Hashed;
        return new RunSummary(experiment, name, file, hashed["scale"] as JsonValue is { } s && s.TryGetValue(out string? scale) ? scale : null,
            record.First.FinishedAt, problem is null ? record.Summary : null)
        {
            Gate = problem is null ? hashed["manifest"]?["gate"]?.DeepClone() as JsonObject : null,
            Reexecutions = record.Reexecutions,
            Problem = problem,
        };
    }

    /// <summary>Why the record's summary cannot be read (one line naming the file and field), or null.</summary>
    static string? SummaryProblem(RunRecord record)
    {
        try
        {
            _ = record.Summary;
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    /// <summary>A run by key (or unique key prefix) or by path to its record.</summary>
    public static string Locate(string runsDirectory, string keyOrPath)
    {
        if (File.Exists(keyOrPath)) return Path.GetFullPath(keyOrPath);
        var matches = List(runsDirectory).Where(r => r.RunKey.StartsWith(keyOrPath, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Path,
            0 => throw new FileNotFoundException($"no run record matches '{keyOrPath}' under {runsDirectory}"),
            _ => throw new AmbiguousRunException($"'{keyOrPath}' matches {matches.Count} runs; give more of the key"),
        };
    }
}
