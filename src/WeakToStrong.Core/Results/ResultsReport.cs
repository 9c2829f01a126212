using System.Globalization;

namespace WeakToStrong.Core.Results;

/// <summary>
/// Everything docs/results.md says, computed from the records alone: per task its pairs (final checkpoints and
/// early-stopping variants) and chains, the pooled PGR per loss, and the measured findings. Its date is the newest
/// record's finishedAt, never the clock, so the same records always give the same report.
/// </summary>
/// <param name="Scale">The scale the records were narrowed to (`--scale`), or null for every scale.</param>
public sealed record ResultsReport(string? Scale, IReadOnlyList<TaskResult> Tasks, IReadOnlyList<PooledPgr> Pooled, Findings Findings)
{
    /// <summary>Tasks in (experiment, scale) order, whatever order the records were found in.</summary>
    public static ResultsReport Of(IEnumerable<TaskRecord> records, string? scale = null)
    {
        var tasks = records.OrderBy(r => r.Experiment, StringComparer.Ordinal).ThenBy(r => r.Scale, StringComparer.Ordinal)
            .Select(TaskResult.Of).ToList();
        return new ResultsReport(scale, tasks, PooledPgr.Of(tasks), Findings.Of(tasks));
    }

    /// <summary>The newest record's finish time; null without records.</summary>
    public string? AsOf => Tasks.Count == 0 ? null : Tasks.MaxBy(t => Time(t.Record))!.Record.FinishedAt;

    /// <summary>
    /// The newest record per (experiment, scale) among <paramref name="records"/> (finishedAt as ISO 8601 text;
    /// the run key breaks a tie), optionally of one scale only.
    /// </summary>
    public static IReadOnlyList<TaskRecord> Newest(IEnumerable<TaskRecord> records, string? scale = null) => records
        .Where(r => scale is null || r.Scale == scale)
        .GroupBy(r => (r.Experiment, r.Scale))
        .Select(g => g.OrderByDescending(Time).ThenBy(r => r.RunKey, StringComparer.Ordinal).First())
        .ToList();

    /// <summary>finishedAt as a point in time, so that records written with other UTC offsets compare rightly.</summary>
    static DateTimeOffset Time(TaskRecord record) =>
        DateTimeOffset.TryParse(record.FinishedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : DateTimeOffset.MinValue;
}
