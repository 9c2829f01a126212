using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Build.Host.Parameters;

namespace WeakToStrong.Build.Host;

/// <summary>
/// The JSON schema of the parameter files (`nuke.json`, `.nuke/parameters.json`), generated from the [Parameter]
/// members so editors complete and check them. Real NUKE keeps its schema at the same path.
/// </summary>
public static class BuildSchema
{
    public static readonly string RelativePath = Path.Combine(".nuke", "build.schema.json");

    public static string Generate(IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<string> targetNames)
    {
        var properties = new JsonObject { ["$schema"] = new JsonObject { ["type"] = "string" } };
        foreach (var parameter in parameters)
        {
            var scalar = ScalarSchema(parameter.ScalarType);
            var property = parameter.IsArray ? new JsonObject { ["type"] = "array", ["items"] = scalar } : scalar;
            if (parameter.Description is { } description)
                property["description"] = description;
            properties[parameter.Name] = property;
        }
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "Build parameters (nuke.json, .nuke/parameters.json)",
            ["description"] = "Defaults for ./build.sh parameters; the environment (NUKE_NAME or NAME) and the command line override them. Targets: " + string.Join(", ", targetNames) + ".",
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = "\n",
            // Readable in an editor: `<id>` and `§` as written, not \u003C escapes; the file is never embedded in HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return schema.ToJsonString(options) + "\n";
    }

    static JsonObject ScalarSchema(Type type)
    {
        if (type.IsEnum)
            return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(ValueConverter.EnumNames(type).Select(n => (JsonNode)n).ToArray()) };
        var name = type == typeof(bool) ? "boolean"
            : type == typeof(int) || type == typeof(long) ? "integer"
            : type == typeof(double) || type == typeof(float) ? "number"
            : "string";
        return new JsonObject { ["type"] = name };
    }
}
