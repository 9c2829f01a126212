using WeakToStrong.Core.Plans;

namespace WeakToStrong.Runner.Application.Status;

/// <summary>One stage of the plan: complete in the store, or not and why (see <see cref="StatusVerb"/>).</summary>
public sealed record StageStatus(string Id, StageKind Kind, string Key, bool Stored, IReadOnlyList<string> Why);

/// <summary>What `status` found: the plan's stages in order, compared with the store and with the newest record (<see cref="ComparedWith"/>, null when none).</summary>
public sealed record StatusResult(string Experiment, string? Scale, string StoreRoot, string? ComparedWith, IReadOnlyList<StageStatus> Stages)
{
    public int ToRun => Stages.Count(s => !s.Stored);
}
