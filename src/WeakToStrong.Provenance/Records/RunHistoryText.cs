using System.Globalization;

namespace WeakToStrong.Provenance.Records;

/// <summary>
/// A record's executions in one line, as `report` and `audit` print it: the first (who computed the numbers, when,
/// where, on which commit, how long, how many stages it computed) and how many times the run was executed again.
/// </summary>
public static class RunHistoryText
{
    public static string Line(RunRecord record)
    {
        var first = record.First;
        string line = $"first execution: finished {first.FinishedAt ?? "?"} on {first.Host ?? "?"}, {Commit(first.Git)}, "
                      + $"{Seconds(first.Seconds)}, {first.Computed} of {first.Stages.Count} stages computed";
        if (record.Reexecutions == 0) return line + "; not re-executed";
        var latest = record.Latest;
        return line + $"; re-executed {Times(record.Reexecutions)}, last finished {latest.FinishedAt ?? "?"} on {latest.Host ?? "?"}"
                    + $" ({latest.Computed} of {latest.Stages.Count} stages computed)";
    }

    static string Commit(GitState? git) => git?.Commit is { } c ? $"commit {c[..Math.Min(12, c.Length)]}{(git.Dirty == true ? " (dirty)" : "")}" : "commit unknown";

    static string Seconds(double? s) => s is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + " s" : "? s";

    static string Times(int n) => n == 1 ? "once" : $"{n} times";
}
