using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Stages;

/// <summary>What an executor hands back before the store takes it: named files it wrote and its metrics.</summary>
/// <remarks><see cref="Metrics"/> are hashed into the record; <see cref="Timing"/> (seconds, tokens/s) is provenance.</remarks>
public sealed record StageResult(IReadOnlyDictionary<string, string> Files, JsonObject Metrics)
{
    public JsonObject Timing { get; init; } = new();
}
