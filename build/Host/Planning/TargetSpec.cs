namespace WeakToStrong.Build.Host.Planning;

/// <summary>A target's relations by name: the pure input of <see cref="ExecutionPlanner"/>.</summary>
public sealed record TargetSpec(string Name)
{
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public IReadOnlyList<string> DependentFor { get; init; } = [];
    public IReadOnlyList<string> Before { get; init; } = [];
    public IReadOnlyList<string> After { get; init; } = [];
    public IReadOnlyList<string> TriggeredBy { get; init; } = [];
    public IReadOnlyList<string> Triggers { get; init; } = [];
}

/// <summary>The targets to run, in order, and which of them `--skip` marks as skipped.</summary>
public sealed record ExecutionPlan(IReadOnlyList<string> Order, IReadOnlySet<string> Skipped);
