using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>
/// A stage's metrics as a typed record: executors write one, the stages that read them (evaluate, bootstrap, the
/// executor's progress line) read the same type, so a metric's name is spelled once. Stored and hashed as JSON
/// with the manifest's conventions (camelCase, nulls omitted).
/// </summary>
public abstract record StageMetrics
{
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, GetType(), ManifestJson.Options)!.AsObject();

    public static T Read<T>(JsonObject metrics) where T : StageMetrics =>
        metrics.Deserialize<T>(ManifestJson.Options) ?? throw new InvalidOperationException($"stage metrics are not {typeof(T).Name}");

    /// <summary>One line for the progress display.</summary>
    public abstract string Summary();
}
