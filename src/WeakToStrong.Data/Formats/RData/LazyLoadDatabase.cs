using System.IO.Compression;

namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// An R lazy-load database as packages ship their data (<c>data/Rdata.rdx</c> + <c>data/Rdata.rdb</c>): the index
/// (.rdx) is one serialized list, usually gzip-compressed, of <c>variables</c> (name → offset and length in the .rdb),
/// <c>references</c> and <c>compressed</c> (the chunk codec family, see <see cref="LazyLoadChunk"/>). Each variable
/// is one chunk, loaded on demand. Values that share environments through the <c>references</c> table are refused:
/// data frames do not need them.
/// </summary>
public sealed class LazyLoadDatabase
{
    readonly string _rdb;
    readonly IReadOnlyDictionary<string, (long Offset, int Length)> _variables;
    readonly int _compressed;

    private LazyLoadDatabase(string rdb, IReadOnlyDictionary<string, (long, int)> variables, int compressed) =>
        (_rdb, _variables, _compressed) = (rdb, variables, compressed);

    /// <summary>The variables the index lists, in its order.</summary>
    public IReadOnlyList<string> Variables { get; private init; } = [];

    /// <summary>Opens <paramref name="basePath"/>.rdx and .rdb (e.g. <c>…/modeldata/data/Rdata</c>).</summary>
    public static LazyLoadDatabase Open(string basePath)
    {
        string rdx = basePath + ".rdx", rdb = basePath + ".rdb";
        if (!File.Exists(rdx) || !File.Exists(rdb)) throw new FileNotFoundException($"no R lazy-load database {rdx} + {rdb}");
        var index = RUnserializer.Read(Gunzip(File.ReadAllBytes(rdx), rdx), rdx);
        if (index is not RList list || list.Names is not { } names)
            throw new RDataException($"{rdx}: the index is not a named list");
        RValue Field(string name) => names.ToList().IndexOf(name) is var i and >= 0 ? list.Items[i]
            : throw new RDataException($"{rdx}: the index has no '{name}' element");
        if (Field("variables") is not RList variables || variables.Names is not { } variableNames)
            throw new RDataException($"{rdx}: 'variables' is not a named list");
        if (Field("references") is RList { Count: > 0 } references)
            throw new RDataException($"{rdx}: {references.Count} shared environment references are not supported");
        int compressed = Field("compressed") switch
        {
            RLogicals { Values: [var v] } => v,
            RIntegers { Values: [var v] } => v,
            RDoubles { Values: [var v] } => (int)v,
            _ => throw new RDataException($"{rdx}: 'compressed' is not a single number"),
        };
        var positions = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        for (int i = 0; i < variables.Count; i++)
        {
            var name = variableNames[i] ?? throw new RDataException($"{rdx}: variable {i + 1} has no name");
            positions[name] = variables.Items[i] switch
            {
                RIntegers { Values: [var offset, var length] } => (offset, length),
                RDoubles { Values: [var offset, var length] } => ((long)offset, (int)length),
                _ => throw new RDataException($"{rdx}: variable '{name}' has no (offset, length) pair"),
            };
        }
        return new LazyLoadDatabase(rdb, positions, compressed) { Variables = [.. variableNames.Select(n => n!)] };
    }

    /// <summary>Reads and unserializes the variable <paramref name="name"/>.</summary>
    public RValue Load(string name)
    {
        if (!_variables.TryGetValue(name, out var at))
            throw new KeyNotFoundException($"{_rdb}: no variable '{name}' (has {string.Join(", ", Variables)})");
        var source = $"{_rdb}[{name}]";
        var chunk = new byte[at.Length];
        using (var file = File.OpenRead(_rdb))
        {
            if (at.Offset < 0 || at.Offset + at.Length > file.Length)
                throw new RDataException($"{source}: chunk at offset {at.Offset} of {at.Length} bytes runs past the end of the file ({file.Length} bytes)");
            file.Position = at.Offset;
            file.ReadExactly(chunk);
        }
        return RUnserializer.Read(LazyLoadChunk.Decompress(chunk, _compressed, source), source);
    }

    /// <summary>The index as R writes it (<c>saveRDS</c>: gzip), or already-plain serialization.</summary>
    static byte[] Gunzip(byte[] data, string path)
    {
        if (data is not [0x1f, 0x8b, ..]) return data;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            return plain.ToArray();
        }
        catch (InvalidDataException e) { throw new RDataException($"{path}: corrupt gzip stream: {e.Message}", e); }
    }
}
