using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Build.Host.CommandLine;
using WeakToStrong.Build.Host.Parameters;

namespace WeakToStrong.Build.Host;

/// <summary>
/// `.nuke/build.schema.json` in the shape NUKE 8/9 writes it (nuke-build/nuke, source/Nuke.Build/Utilities/SchemaUtility.cs):
/// `definitions` holds `ExecutableTarget` (the target names as a string enum), `Verbosity`, and `NukeBuild` (the
/// host's own options, Skip and Target as arrays of ExecutableTarget); the top level is `allOf` the build's
/// [Parameter] members and a `$ref` to NukeBuild. The global tool's `nuke :complete` and the IDE plugins read targets
/// and parameters from there; editors check nuke.json and .nuke/parameters.json against it.
/// </summary>
public static class BuildSchema
{
    public static readonly string RelativePath = Path.Combine(".nuke", "build.schema.json");

    const string TargetReference = "#/definitions/ExecutableTarget";
    const string VerbosityReference = "#/definitions/Verbosity";

    public static string Generate(IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<string> targetNames, IReadOnlyList<HostOption> hostOptions)
    {
        var userProperties = new JsonObject();
        foreach (var parameter in parameters)
        {
            var scalar = ScalarSchema(parameter.ScalarType);
            var property = parameter.IsArray ? new JsonObject { ["type"] = "array", ["items"] = scalar } : scalar;
            if (parameter.Description is { } description)
                property["description"] = description;
            userProperties[parameter.Name] = property;
        }

        var hostProperties = new JsonObject();
        foreach (var option in hostOptions.OrderBy(o => Pascal(o.Shape.Name), StringComparer.Ordinal))
            hostProperties[Pascal(option.Shape.Name)] = HostOptionSchema(option);

        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["definitions"] = new JsonObject
            {
                ["ExecutableTarget"] = Enumeration(targetNames.Order(StringComparer.Ordinal)),
                ["Verbosity"] = Enumeration(Enum.GetNames<Verbosity>()),
                ["NukeBuild"] = new JsonObject { ["properties"] = hostProperties },
            },
            ["allOf"] = new JsonArray(
                new JsonObject { ["properties"] = userProperties },
                new JsonObject { ["$ref"] = "#/definitions/NukeBuild" }),
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

    /// <summary>`no-logo` → `NoLogo`: the member spelling NUKE's schema uses for its own parameters.</summary>
    public static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    static JsonObject HostOptionSchema(HostOption option)
    {
        JsonObject property = option.Shape.Name switch
        {
            "skip" or "target" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = TargetReference } },
            "verbosity" => new JsonObject { ["$ref"] = VerbosityReference },
            _ => option.Shape.Arity switch
            {
                OptionArity.Flag => new JsonObject { ["type"] = "boolean" },
                OptionArity.Single => new JsonObject { ["type"] = "string" },
                _ => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
            },
        };
        property["description"] = option.Help;
        return property;
    }

    static JsonObject Enumeration(IEnumerable<string> values) =>
        new() { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) };

    static JsonObject ScalarSchema(Type type)
    {
        if (type.IsEnum)
            return Enumeration(ValueConverter.EnumNames(type));
        var name = type == typeof(bool) ? "boolean"
            : type == typeof(int) || type == typeof(long) ? "integer"
            : type == typeof(double) || type == typeof(float) ? "number"
            : "string";
        return new JsonObject { ["type"] = name };
    }
}
