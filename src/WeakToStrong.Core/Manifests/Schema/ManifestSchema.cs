using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace WeakToStrong.Core.Manifests.Schema;

/// <summary>
/// The manifest's JSON Schema, generated from the C# types with System.Text.Json's JsonSchemaExporter and enriched
/// with the same attributes the validator enforces (descriptions, ranges, patterns, minimum counts). Written to
/// experiments/manifest.schema.json so editors complete and check manifests; a test fails when it is stale.
/// </summary>
public static class ManifestSchema
{
    public const string FileName = "manifest.schema.json";

    /// <summary>The schema as indented JSON text with LF line endings and a final newline.</summary>
    public static string Generate()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Enrich,
        };
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(ManifestJson.Options, typeof(Manifest), exporter).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://github.com/weak-to-strong-repro/manifest.schema.json",
            ["title"] = "WeakToStrong.Repro experiment manifest",
        };
        foreach (var (k, v) in schema.ToList())
        {
            schema.Remove(k);
            root[k] = v;
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
    }

    private static JsonNode Enrich(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject o) return schema;
        var provider = (ICustomAttributeProvider?)context.PropertyInfo?.AttributeProvider
            ?? (context.PropertyInfo is null ? context.TypeInfo.Type : null);
        if (provider is null) return schema;
        var attrs = provider.GetCustomAttributes(true);
        if (attrs.OfType<DescriptionAttribute>().FirstOrDefault() is { } d) o.Insert(0, "description", d.Description);
        if (attrs.OfType<RangeAttribute>().FirstOrDefault() is { } r)
        {
            o["minimum"] = Number(r.Minimum);
            if (Convert.ToDouble(r.Maximum, CultureInfo.InvariantCulture) < int.MaxValue) o["maximum"] = Number(r.Maximum);
        }
        if (attrs.OfType<RegularExpressionAttribute>().FirstOrDefault() is { } re) o["pattern"] = re.Pattern;
        if (attrs.OfType<MaxLengthAttribute>().FirstOrDefault() is { } maxLength) o["maxLength"] = maxLength.Length;
        if (attrs.OfType<MinLengthAttribute>().FirstOrDefault() is { } min)
            o[o["type"]?.ToJsonString().Contains("array") == true ? "minItems" : "minProperties"] = min.Length;
        return o;
    }

    private static JsonNode Number(object value) => value switch
    {
        int i => JsonValue.Create(i),
        _ => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
    };
}
