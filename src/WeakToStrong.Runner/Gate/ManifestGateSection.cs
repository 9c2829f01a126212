using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Gate;

/// <summary>
/// Rewrites only the top-level `gate` property of a manifest file, leaving every other byte as its author wrote it
/// (the derivation writes tolerances into reviewed, hand-formatted JSON), or appends it when there is none.
/// </summary>
public static class ManifestGateSection
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Replace(string manifestText, JsonObject gate)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(manifestText);
        string value = string.Join("\n  ", gate.ToJsonString(Indented).Split('\n'));
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        int? start = null, end = null, lastClose = null;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("gate"))
            {
                reader.Read();
                start = (int)reader.TokenStartIndex;
                reader.Skip();
                end = (int)reader.BytesConsumed;
            }
            else if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject) lastClose = (int)reader.TokenStartIndex;
        }
        if (start is not null)
            return Encoding.UTF8.GetString(bytes, 0, start.Value) + value + Encoding.UTF8.GetString(bytes, end!.Value, bytes.Length - end.Value);
        if (lastClose is null) throw new InvalidDataException("the manifest is not a JSON object");
        string head = Encoding.UTF8.GetString(bytes, 0, lastClose.Value).TrimEnd();
        return head + ",\n  \"gate\": " + value + "\n" + Encoding.UTF8.GetString(bytes, lastClose.Value, bytes.Length - lastClose.Value);
    }
}
