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

    /// <param name="displayPath">How messages name the file: the user's own path when <paramref name="path"/> is a cache copy.</param>
    public static IReadOnlyList<T> Read<T>(string path, LineParser<T> parse, string? displayPath = null) where T : class
    {
        string shown = displayPath ?? path;
        var errors = new List<string>();
        var items = new List<T>();
        if (!File.Exists(path)) throw new DataFormatException([$"{shown}(0): error: file not found"]);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        int lineNo = 0;
        // Lines are split on the bytes and decoded one at a time, so invalid UTF-8 is reported at its own line
        // (a StreamReader decodes ahead in blocks and would name the line where its buffer started).
        foreach (var bytes in Lines(File.ReadAllBytes(path)))
        {
            if (errors.Count >= MaxErrors) break;
            lineNo++;
            string line;
            try { line = strict.GetString(bytes); }
            catch (DecoderFallbackException e) { errors.Add($"{shown}({lineNo},{e.Index + 1}): error: not valid UTF-8"); continue; }
            if (string.IsNullOrWhiteSpace(line)) continue;
            int before = errors.Count;
            void Error(string message) => errors.Add($"{shown}({lineNo}): error: {message}");
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
                errors.Add($"{shown}({lineNo},{(e.BytePositionInLine ?? 0) + 1}): error: invalid JSON");
            }
        }
        if (errors.Count == 0 && items.Count == 0) errors.Add($"{shown}(1): error: no items");
        if (errors.Count > 0) throw new DataFormatException(errors);
        return items;
    }

    /// <summary>The file's lines as bytes, without '\n' or a trailing '\r'; a UTF-8 byte-order mark before the first is dropped.</summary>
    static IEnumerable<byte[]> Lines(byte[] data)
    {
        int start = data.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (start < data.Length)
        {
            int end = Array.IndexOf(data, (byte)'\n', start);
            if (end < 0) end = data.Length;
            int stop = end > start && data[end - 1] == (byte)'\r' ? end - 1 : end;
            yield return data[start..stop];
            start = end + 1;
        }
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
