using System.Buffers.Binary;
using System.Text;

namespace WeakToStrong.Runner.Tests.Data.RData;

/// <summary>
/// Writes R's XDR serialization of small objects the way R's <c>serialize()</c> lays them out (src/main/serialize.c):
/// flags words, lengths, CHARSXPs with their encoding levels, attribute pairlists, and symbols written once then
/// referred back to (REFSXP). The reader's tests are pinned to these byte layouts, not round-tripped through it.
/// </summary>
internal sealed class RSerializationWriter
{
    public const int Latin1 = 1 << 2, Utf8 = 1 << 3, Ascii = 1 << 6;
    const int HasAttributes = 1 << 9, IsObject = 1 << 8, HasTag = 1 << 10;

    readonly MemoryStream _out = new();
    readonly Dictionary<string, int> _symbols = new(StringComparer.Ordinal);

    /// <summary>The header: "X\n", format version, R 4.2.2 as the writer, R 3.5.0 as the oldest reader, native encoding (version 3).</summary>
    public RSerializationWriter(int version = 3, string nativeEncoding = "UTF-8")
    {
        _out.Write("X\n"u8);
        Int(version).Int(0x00040202).Int(0x00030500);
        if (version == 3) Int(nativeEncoding.Length).Raw(Encoding.ASCII.GetBytes(nativeEncoding));
    }

    public byte[] ToArray() => _out.ToArray();

    public RSerializationWriter Int(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(b, value);
        _out.Write(b);
        return this;
    }

    public RSerializationWriter Raw(ReadOnlySpan<byte> bytes) { _out.Write(bytes); return this; }

    public RSerializationWriter Null() => Int(254);

    /// <summary>A STRSXP; each string ASCII- or UTF-8-flagged as R marks it, null as NA_character_.</summary>
    public RSerializationWriter Strings(string?[] values, params (string Name, Action<RSerializationWriter> Write)[] attributes)
    {
        Flags(16, attributes).Int(values.Length);
        foreach (var v in values) CharSxp(v, v is null || v.All(char.IsAscii) ? Ascii : Utf8);
        return Attributes(attributes);
    }

    /// <summary>One CHARSXP with explicit encoding levels and bytes (for latin1 and native-encoding cases).</summary>
    public RSerializationWriter CharSxp(string? value, int levels, Encoding? encoding = null)
    {
        if (value is null) return Int(9).Int(-1);
        var bytes = (encoding ?? Encoding.UTF8).GetBytes(value);
        return Int(9 | (levels << 12)).Int(bytes.Length).Raw(bytes);
    }

    public RSerializationWriter Ints(int[] values, params (string Name, Action<RSerializationWriter> Write)[] attributes)
    {
        Flags(13, attributes).Int(values.Length);
        foreach (var v in values) Int(v);
        return Attributes(attributes);
    }

    public RSerializationWriter Doubles(double[] values)
    {
        Int(14).Int(values.Length);
        Span<byte> b = stackalloc byte[8];
        foreach (var v in values) { BinaryPrimitives.WriteDoubleBigEndian(b, v); _out.Write(b); }
        return this;
    }

    /// <summary>A VECSXP of items written by <paramref name="items"/>.</summary>
    public RSerializationWriter List(Action<RSerializationWriter>[] items, params (string Name, Action<RSerializationWriter> Write)[] attributes)
    {
        Flags(19, attributes).Int(items.Length);
        foreach (var item in items) item(this);
        return Attributes(attributes);
    }

    /// <summary>A factor: integer codes with levels and class "factor" attributes.</summary>
    public RSerializationWriter Factor(int[] codes, string[] levels) =>
        Ints(codes, ("levels", w => w.Strings(levels)), ("class", w => w.Strings(["factor"])));

    /// <summary>A tibble as R stores one: a named list with class tbl_df/tbl/data.frame and compact row names c(NA, -n).</summary>
    public RSerializationWriter Tibble(int rows, params (string Name, Action<RSerializationWriter> Write)[] columns) =>
        List([.. columns.Select(c => c.Write)],
            ("class", w => w.Strings(["tbl_df", "tbl", "data.frame"])),
            ("row.names", w => w.Ints([int.MinValue, -rows])),
            ("names", w => w.Strings([.. columns.Select(c => c.Name)])));

    /// <summary>A symbol: SYMSXP + its name the first time, a back-reference (index packed in the flags) after.</summary>
    public RSerializationWriter Symbol(string name)
    {
        if (_symbols.TryGetValue(name, out var index)) return Int((index << 8) | 255);
        _symbols[name] = _symbols.Count + 1;
        return Int(1).CharSxp(name, Ascii);
    }

    RSerializationWriter Flags(int type, (string, Action<RSerializationWriter>)[] attributes) =>
        Int(type | (attributes.Length > 0 ? HasAttributes : 0) | (attributes.Any(a => a.Item1 == "class") ? IsObject : 0));

    /// <summary>The attribute pairlist: one tagged LISTSXP cell per attribute, ended by NULL.</summary>
    RSerializationWriter Attributes((string Name, Action<RSerializationWriter> Write)[] attributes)
    {
        if (attributes.Length == 0) return this;
        foreach (var (name, write) in attributes)
        {
            Int(2 | HasTag).Symbol(name);
            write(this);
        }
        return Null();
    }
}
