using System.Globalization;
using System.Text.RegularExpressions;

namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>
/// A finished job as Slurm reports it: its state (COMPLETED, FAILED, CANCELLED, TIMEOUT, …), whether it ever ran on
/// a node (a job Slurm cancelled because a dependency failed never did), its exit code and run time.
/// </summary>
public sealed partial record SlurmJobState(string JobId, string State, bool Ran, string ExitCode, TimeSpan? Elapsed)
{
    public bool Completed => State == "COMPLETED";

    /// <summary>From a `key=value …` line: a jobcomp/filetxt line or `scontrol show job -o`.</summary>
    public static SlurmJobState? Parse(string line)
    {
        var fields = Field().Matches(line).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        if (!fields.TryGetValue("JobId", out var id) || !fields.TryGetValue("JobState", out var state)) return null;
        string node = fields.GetValueOrDefault("NodeList", "(null)");
        bool ran = node is not ("(null)" or "") && fields.GetValueOrDefault("StartTime", "Unknown") != "Unknown";
        TimeSpan? elapsed = Time(fields.GetValueOrDefault("StartTime")) is { } start && Time(fields.GetValueOrDefault("EndTime")) is { } end && ran
            ? end - start : null;
        return new SlurmJobState(id, state, ran, fields.GetValueOrDefault("ExitCode", "?"), elapsed);
    }

    static DateTime? Time(string? value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    [GeneratedRegex(@"(?:^|\s)(\w+)=(\S*)")]
    private static partial Regex Field();
}
