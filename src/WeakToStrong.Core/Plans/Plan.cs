using System.Text;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Stages;

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
            ["kind"] = s.Kind.Name(),
            ["key"] = s.Key,
            ["code"] = s.Code,
            ["dependsOn"] = new JsonArray(s.DependsOn.Select(d => (JsonNode)d).ToArray()),
            ["parameters"] = s.Parameters.DeepClone(),
        }).ToArray()),
    };

    /// <summary>
    /// The plan <see cref="ToJson"/> wrote (a plan file handed to a batch job). Every key is computed again from the
    /// stage's kind, code hash, parameters and its inputs' keys, so a file whose keys do not follow from its content
    /// is refused rather than run under a key that names something else.
    /// </summary>
    /// <exception cref="FormatException">A missing field, an unknown kind or input, or a key that does not match.</exception>
    public static Plan FromJson(JsonObject json)
    {
        string codeVersion = (string?)json["codeVersion"] ?? throw new FormatException("plan has no codeVersion");
        var byId = new Dictionary<string, Stage>(StringComparer.Ordinal);
        var stages = new List<Stage>();
        foreach (var item in json["stages"]?.AsArray() ?? throw new FormatException("plan has no stages"))
        {
            var node = item ?? throw new FormatException("a plan stage is null");
            string id = (string?)node["id"] ?? throw new FormatException("a plan stage has no id");
            string kindName = (string?)node["kind"] ?? "";
            if (!Enum.TryParse<StageKind>(kindName, ignoreCase: true, out var kind) || kindName != kindName.ToLowerInvariant())
                throw new FormatException($"stage {id}: unknown kind '{kindName}'");
            var deps = (node["dependsOn"]?.AsArray() ?? []).Select(d => (string)d!).ToList();
            var parameters = node["parameters"]?.DeepClone().AsObject() ?? throw new FormatException($"stage {id}: no parameters");
            var missing = deps.FirstOrDefault(d => !byId.ContainsKey(d));
            if (missing is not null) throw new FormatException($"stage {id}: input {missing} is not an earlier stage");
            string code = (string?)node["code"] ?? throw new FormatException($"stage {id}: no code");
            string key = StageKey.Of(kind, code, parameters, deps.Select(d => byId[d].Key));
            if ((string?)node["key"] != key) throw new FormatException($"stage {id}: key {(string?)node["key"]} does not match its content ({key})");
            var stage = new Stage(id, kind, parameters, deps, key) { Code = code };
            byId[id] = stage;
            stages.Add(stage);
        }
        return new Plan((string?)json["experiment"] ?? throw new FormatException("plan has no experiment"), (string?)json["scale"], codeVersion, stages);
    }
}
