using System.Text.Json.Nodes;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Stages;

/// <summary>What an executor hands back before the store takes it: named files it wrote and its metrics.</summary>
/// <remarks><see cref="Metrics"/> are hashed into the record; <see cref="Timing"/> (seconds, tokens/s) is provenance.</remarks>
public sealed record StageResult(IReadOnlyDictionary<string, string> Files, JsonObject Metrics)
{
    public JsonObject Timing { get; init; } = new();

    /// <summary>One line for the progress display.</summary>
    public string Summary { get; init; } = "";

    /// <summary>A result whose metrics are a typed record (every stage but evaluate, whose output is the PGR summary).</summary>
    public static StageResult Of(IReadOnlyDictionary<string, string> files, StageMetrics metrics) =>
        new(files, metrics.ToJson()) { Summary = metrics.Summary() };
}
