using System.Text;
using System.Text.Json;

namespace WeakToStrong.Data.Formats;

/// <summary>
/// Reads user JSONL line by line and checks each line with a per-format validator. Every problem becomes a
/// "file(line): error …" message (the MSBuild/compiler shape, so editors link to the line); reading stops
/// after <see cref="MaxErrors"/> of them. Blank lines are allowed and skipped.
/// </summary>
public static class JsonlReader
{
    public const int MaxErrors = 50;

    public delegate T? LineParser<T>(JsonElement obj, int line, Action<string> error);

    public static IReadOnlyList<T> Read<T>(string path, LineParser<T> parse) where T : class
    {
        var errors = new List<string>();
        var items = new List<T>();
        if (!File.Exists(path)) throw new DataFormatException([$"{path}(0): error: file not found"]);
        int lineNo = 0;
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        while (errors.Count < MaxErrors)
        {
            string? line;
            try { line = reader.ReadLine(); }
            catch (DecoderFallbackException) { errors.Add($"{path}({lineNo + 1}): error: not valid UTF-8"); break; }
            if (line is null) break;
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            int before = errors.Count;
            void Error(string message) => errors.Add($"{path}({lineNo}): error: {message}");
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) { Error("a line must be a JSON object"); continue; }
                var item = parse(doc.RootElement, lineNo, Error);
                if (item is not null && errors.Count == before) items.Add(item);
            }
            catch (JsonException e)
            {
                // Our own words with the byte column (the canonical "file(line,col)" form): System.Text.Json's
                // message text differs between runtime versions.
                errors.Add($"{path}({lineNo},{(e.BytePositionInLine ?? 0) + 1}): error: invalid JSON");
            }
        }
        if (errors.Count == 0 && items.Count == 0) errors.Add($"{path}(1): error: no items");
        if (errors.Count > 0) throw new DataFormatException(errors);
        return items;
    }

    internal static string? RequiredString(JsonElement obj, string name, Action<string> error)
    {
        if (!obj.TryGetProperty(name, out var v)) { error($"missing required field '{name}'"); return null; }
        if (v.ValueKind != JsonValueKind.String) { error($"'{name}' must be a string, not {Kind(v)}"); return null; }
        var s = v.GetString()!;
        if (string.IsNullOrWhiteSpace(s)) { error($"'{name}' must not be empty"); return null; }
        return s;
    }

    internal static string? OptionalString(JsonElement obj, string name, Action<string> error)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) { error($"'{name}' must be a string, not {Kind(v)}"); return null; }
        return v.GetString();
    }

    internal static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
