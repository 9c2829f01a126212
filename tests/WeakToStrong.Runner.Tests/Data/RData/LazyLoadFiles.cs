using System.Buffers.Binary;
using System.IO.Compression;

namespace WeakToStrong.Runner.Tests.Data.RData;

/// <summary>
/// Builds an R lazy-load database (.rdx index + .rdb chunks) from serialized values, as R's makeLazyLoadDB lays it
/// out, with the chunk framing chosen per test: R's xz family ('Z' raw LZMA2, '1' zlib, '0' stored) or the old
/// zlib-only one (no type byte).
/// </summary>
internal static class LazyLoadFiles
{
    /// <summary>A 'Z' chunk whose LZMA2 stream holds only uncompressed LZMA2 chunks (control byte 1 = stored with a
    /// dictionary reset, then 2 = stored, each with a 16-bit size − 1; 0 ends the stream): valid LZMA2 that needs
    /// no encoder.</summary>
    public static byte[] StoredLzma2Chunk(byte[] data)
    {
        var lzma2 = new MemoryStream();
        for (int at = 0; at < data.Length; at += 65536)
        {
            int n = Math.Min(65536, data.Length - at);
            lzma2.WriteByte(at == 0 ? (byte)1 : (byte)2);
            lzma2.WriteByte((byte)((n - 1) >> 8));
            lzma2.WriteByte((byte)((n - 1) & 0xFF));
            lzma2.Write(data, at, n);
        }
        lzma2.WriteByte(0);
        return Chunk(data.Length, (byte)'Z', lzma2.ToArray());
    }

    public static byte[] ZlibChunk(byte[] data, bool typeByte = true)
    {
        var z = new MemoryStream();
        using (var zlib = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return Chunk(data.Length, typeByte ? (byte)'1' : null, z.ToArray());
    }

    public static byte[] StoredChunk(byte[] data) => Chunk(data.Length, (byte)'0', data);

    public static byte[] Chunk(int length, byte? type, byte[] payload)
    {
        var chunk = new byte[4 + (type is null ? 0 : 1) + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, length);
        if (type is { } t) chunk[4] = t;
        payload.CopyTo(chunk, type is null ? 4 : 5);
        return chunk;
    }

    /// <summary>Writes <paramref name="basePath"/>.rdb (the chunks in order) and .rdx (gzip'd index of
    /// variables → (offset, length), no references, <paramref name="compressed"/>).</summary>
    public static void Write(string basePath, int compressed, params (string Name, byte[] Chunk)[] variables)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(basePath)!);
        var offsets = new List<int>();
        using (var rdb = File.Create(basePath + ".rdb"))
            foreach (var (_, chunk) in variables) { offsets.Add((int)rdb.Position); rdb.Write(chunk); }
        var index = new RSerializationWriter().List(
            [
                w => w.List([.. variables.Select((v, i) => (Action<RSerializationWriter>)(x => x.Ints([offsets[i], v.Chunk.Length])))],
                    ("names", x => x.Strings([.. variables.Select(v => v.Name)]))),
                w => w.List([], ("names", x => x.Strings([]))),
                w => w.Ints([compressed]),
            ],
            ("names", w => w.Strings(["variables", "references", "compressed"]))).ToArray();
        using var rdx = File.Create(basePath + ".rdx");
        using var gzip = new GZipStream(rdx, CompressionLevel.Optimal);
        gzip.Write(index);
    }
}
