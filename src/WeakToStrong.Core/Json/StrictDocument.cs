using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WeakToStrong.Core.Json;

/// <summary>
/// Reading a persisted document into its typed schema strictly: required members must be there, non-nullable ones
/// must not be null, and what is wrong is one line naming the file and the field's path. The options every such
/// schema shares are <see cref="Options"/>; each document type says which of its members are required.
/// </summary>
public static class StrictDocument
{
    /// <summary>camelCase, nulls written, nullable annotations and required constructor parameters respected.</summary>
    public static JsonSerializerOptions Options(bool indented = false)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>The document <typeparamref name="T"/> from <paramref name="json"/>.</summary>
    /// <exception cref="InvalidDataException">One line: <paramref name="where"/>, the field's path and what is wrong.</exception>
    public static T Read<T>(string json, JsonSerializerOptions options, string where) where T : class
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: not JSON ({FirstSentence(e.Message)})");
        }
        if (node is not JsonObject) throw new InvalidDataException($"{where}: the document is {(node is null ? "null" : "not an object")}");
        try
        {
            return node.Deserialize<T>(options) ?? throw new InvalidDataException($"{where}: the document is null");
        }
        catch (JsonException e)
        {
            string path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            throw new InvalidDataException($"{where}: {(path.Length > 0 ? path : "the document")}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>System.Text.Json's messages go on to advice about the path and line; the first sentence says what is wrong.</summary>
    public static string FirstSentence(string message)
    {
        message = message.ReplaceLineEndings(" ");
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
