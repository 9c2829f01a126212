using System.Buffers.Binary;
using System.IO.Compression;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.LZMA;

namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// One value of a lazy-load database (.rdb), decompressed. R's makeLazyLoadDB writes each value as 4 bytes big-endian
/// uncompressed length, then (src/main/serialize.c, R_decompress1/2/3):
/// <list type="bullet">
/// <item>index <c>compressed</c> = 1 (zlib, R's oldest default): the zlib stream straight after the length;</item>
/// <item>2 (bzip2) or 3 (xz): a type byte, then <c>'Z'</c> a raw LZMA2 stream (no .xz container: R uses
/// <c>lzma_raw_decoder</c> with one LZMA2 filter), <c>'2'</c> bzip2, <c>'1'</c> zlib, or <c>'0'</c> stored bytes.</item>
/// </list>
/// R falls back to '0' or '1' per value when compression would not shrink it, so every type can occur in one file.
/// </summary>
public static class LazyLoadChunk
{
    /// <summary>The serialized bytes of the chunk <paramref name="chunk"/>; <paramref name="source"/> names it in errors.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> chunk, int compressed, string source)
    {
        if (chunk.Length < 5) throw new RDataException($"{source}: a chunk of {chunk.Length} bytes is shorter than its header");
        uint length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
        if (length > Array.MaxLength) throw new RDataException($"{source}: declared length {length} is too large");
        if (compressed == 1) return Inflate(chunk[4..], (int)length, source, 4, s => new ZLibStream(s, System.IO.Compression.CompressionMode.Decompress));
        if (compressed is not (2 or 3)) throw new RDataException($"{source}: index declares compression {compressed} (1 zlib, 2 bzip2 and 3 xz are R's)");
        var payload = chunk[5..];
        return (char)chunk[4] switch
        {
            '0' when payload.Length == length => payload.ToArray(),
            '0' => throw new RDataException($"{source}: stored chunk has {payload.Length} bytes but declares {length} at offset 5"),
            '1' => Inflate(payload, (int)length, source, 5, s => new ZLibStream(s, System.IO.Compression.CompressionMode.Decompress)),
            '2' => Inflate(payload, (int)length, source, 5, s => BZip2Stream.Create(s, SharpCompress.Compressors.CompressionMode.Decompress, false, false, false)),
            'Z' => Inflate(payload, (int)length, source, 5, s => LzmaStream.Create([Lzma2DictionaryByte(length)], s, s.Length, length, null, isLzma2: true, leaveOpen: false)),
            var other => throw new RDataException($"{source}: unknown chunk type byte 0x{(byte)other:x2} at offset 4 (R writes 'Z', '2', '1' or '0')"),
        };
    }

    /// <summary>The LZMA2 dictionary-size property for a raw stream, which carries none: R encodes with preset 9e
    /// (64 MiB), but any dictionary at least as long as the output decodes it, so this asks for no more than that.</summary>
    public static byte Lzma2DictionaryByte(uint outputLength)
    {
        // LZMA2 property p means a dictionary of (2 | (p & 1)) << (p / 2 + 11) bytes; 40 is the 4 GiB maximum.
        for (byte p = 0; p < 40; p++)
            if ((2u | (p & 1u)) << (p / 2 + 11) >= outputLength) return p;
        return 40;
    }

    static byte[] Inflate(ReadOnlySpan<byte> payload, int length, string source, int offset, Func<Stream, Stream> open)
    {
        var output = new byte[length];
        int read = 0;
        try
        {
            using var stream = open(new MemoryStream(payload.ToArray(), writable: false));
            while (read < length && stream.Read(output, read, length - read) is var n and > 0) read += n;
            if (read == length && stream.Read(new byte[1], 0, 1) > 0) read++;
        }
        catch (Exception e) when (e is not OutOfMemoryException) // each codec reports corruption with its own exception types
        {
            throw new RDataException($"{source}: corrupt compressed payload at offset {offset}: {e.Message}", e);
        }
        return read == length ? output
            : throw new RDataException($"{source}: payload at offset {offset} decompresses to {(read > length ? "more than" : "only")} {(read > length ? length : read)} bytes, header declares {length}");
    }
}
