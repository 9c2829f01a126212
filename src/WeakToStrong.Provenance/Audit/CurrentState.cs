using System.Text.Json.Nodes;

namespace WeakToStrong.Provenance.Audit;

/// <summary>A stage of the plan as the current manifest and code compile it.</summary>
public sealed record PlannedStage(string Id, string Kind, string Key);

/// <summary>
/// What the record is compared with besides the store: the manifest as it resolves today, today's code identity
/// and today's plan. Each part is optional; a missing part is not compared (and the report says so).
/// <see cref="ManifestProblem"/> says why the manifest could not be resolved now (deleted, invalid): the audit reports it and is not clean.
/// </summary>
public sealed record CurrentState(JsonObject? Manifest = null, JsonObject? Code = null, IReadOnlyList<PlannedStage>? Stages = null, string? ManifestProblem = null)
{
    public static readonly CurrentState None = new();
}
