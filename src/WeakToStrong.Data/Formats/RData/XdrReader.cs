using System.Buffers.Binary;

namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// Big-endian (XDR) primitives over an in-memory serialization, tracking the offset so that every error can say where
/// it happened. <see cref="Source"/> names the stream in messages (a file, or a file and a variable).
/// </summary>
public sealed class XdrReader(byte[] data, string source)
{
    public string Source { get; } = source;
    public int Offset { get; private set; }
    public bool AtEnd => Offset == data.Length;

    public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    /// <summary>A vector length: a non-negative int, or -1 followed by a long length as two ints (upper, lower word).</summary>
    public int Length()
    {
        int at = Offset, n = Int32();
        if (n >= 0) return n;
        if (n != -1) throw Error($"negative length {n}", at);
        long upper = (uint)Int32(), lower = (uint)Int32(), length = (upper << 32) | lower;
        return length <= Array.MaxLength ? (int)length : throw Error($"vector of {length} elements is too long to read", at);
    }

    public RDataException Error(string message, int? at = null) => new($"{Source}: {message} at offset {at ?? Offset}");

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > data.Length - Offset)
            throw Error($"truncated: needs {count} more bytes, {data.Length - Offset} left");
        var span = data.AsSpan(Offset, count);
        Offset += count;
        return span;
    }
}
