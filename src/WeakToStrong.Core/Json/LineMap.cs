using System.Text;
using WeakToStrong.Core.Diagnostics;

namespace WeakToStrong.Core.Json;

/// <summary>Maps byte offsets in a UTF-8 document to 1-based line and UTF-16 column.</summary>
internal sealed class LineMap
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];
    private readonly string _file;

    public LineMap(ReadOnlySpan<byte> utf8, string file)
    {
        _utf8 = utf8.ToArray();
        _file = file;
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') _lineStarts.Add(i + 1);
    }

    public SourceLocation At(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return AtLine(line, offset - _lineStarts[line]);
    }

    /// <summary>From a 0-based line and byte position in that line (what Utf8JsonReader's exceptions report).</summary>
    public SourceLocation AtLine(long line0, long bytePositionInLine)
    {
        var line = (int)Math.Clamp(line0, 0, _lineStarts.Count - 1);
        var start = _lineStarts[line];
        var length = (int)Math.Clamp(bytePositionInLine, 0, _utf8.Length - start);
        // Invalid bytes are counted as one column each (the prefix up to an error is valid in practice).
        var column = new UTF8Encoding(false, false).GetCharCount(_utf8, start, length) + 1;
        return new SourceLocation(_file, line + 1, column);
    }
}
