using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using WeakToStrong.Core.Diagnostics;

namespace WeakToStrong.Core.Json;

/// <summary>
/// Parses UTF-8 JSON into a <see cref="JsonSyntax"/> tree with the location of every token, using
/// Utf8JsonReader. Never throws: malformed input (truncated, invalid UTF-8, too deep, trailing text)
/// becomes one diagnostic and a null tree.
/// </summary>
public static class LocatedJsonParser
{
    /// <summary>Nesting limit. Manifests need ~6 levels; this bounds recursion so hostile input cannot overflow the stack.</summary>
    public const int MaxDepth = 64;

    public static JsonSyntax? Parse(string text, string file, ICollection<Diagnostic> diagnostics) =>
        Parse(Encoding.UTF8.GetBytes(text), file, diagnostics);

    public static JsonSyntax? Parse(ReadOnlySpan<byte> utf8, string file, ICollection<Diagnostic> diagnostics)
    {
        // A UTF-8 byte-order mark is legal in files written by some editors.
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        var map = new LineMap(utf8, file);

        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || utf8.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            diagnostics.Add(new Diagnostic(new SourceLocation(file, 1, 1), DiagnosticCodes.InvalidUtf8, "The file is UTF-16: save it as UTF-8."));
            return null;
        }
        var invalidAt = FirstInvalidUtf8(utf8);
        if (invalidAt >= 0)
        {
            diagnostics.Add(new Diagnostic(map.At(invalidAt), DiagnosticCodes.InvalidUtf8,
                $"The file is not valid UTF-8: byte 0x{utf8[invalidAt]:X2} at offset {invalidAt} starts an invalid sequence."));
            return null;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 8 });
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(new Diagnostic(map.At(0), DiagnosticCodes.EmptyDocument, "The file is empty: expected a JSON object."));
                return null;
            }
            var root = ReadValue(ref reader, map, 0);
            if (root is null)
            {
                diagnostics.Add(new Diagnostic(map.At(reader.TokenStartIndex), DiagnosticCodes.TooDeep,
                    $"JSON is nested deeper than {MaxDepth} levels."));
                return null;
            }
            if (reader.Read())
            {
                diagnostics.Add(new Diagnostic(map.At(reader.TokenStartIndex), DiagnosticCodes.InvalidJson,
                    "Unexpected content after the end of the JSON value."));
                return null;
            }
            return root;
        }
        catch (JsonException e)
        {
            var empty = utf8.Trim(" \t\r\n"u8).IsEmpty;
            diagnostics.Add(new Diagnostic(map.AtLine(e.LineNumber ?? 0, e.BytePositionInLine ?? 0),
                empty ? DiagnosticCodes.EmptyDocument : DiagnosticCodes.InvalidJson,
                empty ? "The file is empty: expected a JSON object." : "Invalid JSON: " + StripPosition(e.Message)));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Add(new Diagnostic(map.At(reader.TokenStartIndex), DiagnosticCodes.InvalidJson, "Invalid JSON: " + e.Message));
            return null;
        }
    }

    /// <summary>Reads the value at the current token; null when the depth limit is hit.</summary>
    private static JsonSyntax? ReadValue(ref Utf8JsonReader reader, LineMap map, int depth)
    {
        var at = map.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                if (depth >= MaxDepth) return null;
                var props = new List<JsonSyntaxProperty>();
                while (Next(ref reader) != JsonTokenType.EndObject)
                {
                    var nameAt = map.At(reader.TokenStartIndex);
                    var name = reader.GetString()!;
                    Next(ref reader);
                    var value = ReadValue(ref reader, map, depth + 1);
                    if (value is null) return null;
                    props.Add(new JsonSyntaxProperty(name, nameAt, value));
                }
                return new JsonSyntaxObject(at, props);
            }
            case JsonTokenType.StartArray:
            {
                if (depth >= MaxDepth) return null;
                var items = new List<JsonSyntax>();
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    var value = ReadValue(ref reader, map, depth + 1);
                    if (value is null) return null;
                    items.Add(value);
                }
                return new JsonSyntaxArray(at, items);
            }
            case JsonTokenType.String:
                return new JsonSyntaxValue(at, JsonValueKind.String, reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonSyntaxValue(at, JsonValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JsonSyntaxValue(at, JsonValueKind.True, "true");
            case JsonTokenType.False:
                return new JsonSyntaxValue(at, JsonValueKind.False, "false");
            default:
                return new JsonSyntaxValue(at, JsonValueKind.Null, "null");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        // With isFinalBlock the reader throws on truncation, so Read() returning false means a bug; make it JSON's error.
        if (!reader.Read()) throw new JsonException("Unexpected end of the file.", null, 0, reader.BytesConsumed);
        return reader.TokenType;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var buffer = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var offset = 0;
            while (offset < utf8.Length)
            {
                var status = Utf8.ToUtf16(utf8[offset..], buffer, out var read, out _, replaceInvalidSequences: false);
                if (status == OperationStatus.InvalidData || status == OperationStatus.NeedMoreData) return offset + read;
                offset += read;
                if (status == OperationStatus.Done) break;
            }
            return -1;
        }
        finally { ArrayPool<char>.Shared.Return(buffer); }
    }

    private static string StripPosition(string message)
    {
        var i = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        // The reader's advice about its own options means nothing to someone editing a manifest.
        return (i >= 0 ? message[..i] : message).Replace(" Change the reader options.", "").Replace(" in this mode", "").Trim();
    }
}
