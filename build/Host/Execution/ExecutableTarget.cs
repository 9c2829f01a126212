using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Host.Planning;

namespace WeakToStrong.Build.Host.Execution;

/// <summary>A discovered target: its relations by name, its description, and what it runs.</summary>
public sealed record ExecutableTarget(TargetSpec Spec, string? Description, IReadOnlyList<Func<Task>> Actions,
    IReadOnlyList<(string Text, Func<bool> Check)> Conditions, IReadOnlyList<Requirement> Requirements)
{
    public string Name => Spec.Name;
}
