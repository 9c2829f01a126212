namespace WeakToStrong.Build.Host.Execution;

/// <summary>NUKE's target states in the summary table.</summary>
public enum TargetStatus
{
    Succeeded,
    Failed,
    /// <summary>Skipped by `--skip` or by a false <c>OnlyWhenDynamic</c> condition.</summary>
    Skipped,
    /// <summary>Scheduled, but an earlier target failed.</summary>
    NotRun,
}

public sealed record TargetResult(string Name, TargetStatus Status, TimeSpan Duration, string? Error = null);
