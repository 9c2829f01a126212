using System.Text;
using System.Text.Json.Nodes;

namespace WeakToStrong.Core.Plans;

/// <summary>A compiled experiment: stages in dependency order (every stage after all it depends on).</summary>
public sealed record Plan(string ExperimentId, string? Scale, string CodeVersion, IReadOnlyList<Stage> Stages)
{
    public Stage this[string id] => Stages.First(s => s.Id == id);

    public IEnumerable<Stage> OfKind(StageKind kind) => Stages.Where(s => s.Kind == kind);

    /// <summary>Text rendering of the DAG for <c>./build.sh Plan</c>: one line per stage, key prefix, inputs.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append($"Plan for {ExperimentId}{(Scale is null ? "" : $" at scale {Scale}")}: {Stages.Count} stages (code {CodeVersion})\n");
        var width = Stages.Max(s => s.Id.Length);
        foreach (var s in Stages)
        {
            sb.Append("  ").Append(s.Id.PadRight(width)).Append("  ").Append(s.Key[..12]);
            if (s.DependsOn.Count > 0) sb.Append("  <- ").Append(string.Join(", ", s.DependsOn));
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Machine-readable form (for --json and the run record).</summary>
    public JsonObject ToJson() => new()
    {
        ["experiment"] = ExperimentId,
        ["scale"] = Scale,
        ["codeVersion"] = CodeVersion,
        ["stages"] = new JsonArray(Stages.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s.Id,
            ["kind"] = s.Kind.ToString().ToLowerInvariant(),
            ["key"] = s.Key,
            ["dependsOn"] = new JsonArray(s.DependsOn.Select(d => (JsonNode)d).ToArray()),
            ["parameters"] = s.Parameters.DeepClone(),
        }).ToArray()),
    };
}
