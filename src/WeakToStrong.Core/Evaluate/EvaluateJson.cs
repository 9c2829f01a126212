using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Evaluate;

/// <summary>
/// How the evaluate stage's document is written and read: camelCase, every row field written (null included: the
/// bytes are hashed into the run key, so the shape never depends on which values are known), the PGR baseline as the
/// manifest spells it. Reading is strict about what must be there and says where it is not, in one line.
/// </summary>
public static class EvaluateJson
{
    static readonly JsonSerializerOptions Options = Create();

    static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static JsonObject ToJson(EvaluateOutput output) => JsonSerializer.SerializeToNode(output, Options)!.AsObject();

    public static JsonObject ToJson(EvaluateSummary summary) => JsonSerializer.SerializeToNode(summary, Options)!.AsObject();

    /// <summary>The evaluate stage's document from its JSON.</summary>
    /// <exception cref="InvalidDataException">One line: <paramref name="where"/>, the field's path and what is wrong.</exception>
    public static EvaluateOutput Output(JsonNode? node, string where) => Read<EvaluateOutput>(node, where, "");

    /// <summary>A record's <c>metrics.summary</c>.</summary>
    /// <exception cref="InvalidDataException">One line: <paramref name="where"/>, the field's path and what is wrong.</exception>
    public static EvaluateSummary Summary(JsonNode? node, string where) => Read<EvaluateSummary>(node, where, "metrics.summary");

    static T Read<T>(JsonNode? node, string where, string prefix)
    {
        string at = prefix.Length > 0 ? prefix : "the document";
        if (node is not JsonObject) throw new InvalidDataException($"{where}: {at} is {(node is null ? "missing" : "not an object")}");
        try
        {
            return node.Deserialize<T>(Options) ?? throw new InvalidDataException($"{where}: {at} is null");
        }
        catch (JsonException e)
        {
            string path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            string field = prefix.Length == 0 ? path : path.Length == 0 ? prefix : path.StartsWith('[') ? prefix + path : prefix + "." + path;
            throw new InvalidDataException($"{where}: {(field.Length > 0 ? field : at)}: {FirstSentence(e.Message)}");
        }
    }

    static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
