using WeakToStrong.Data.Formats.RData;

namespace WeakToStrong.Runner.Tests.Data.RData;

/// <summary>The chunk framings R writes into a lazy-load database, decompressed by <see cref="LazyLoadChunk"/>.</summary>
public sealed class LazyLoadChunkTests
{
    static readonly byte[] Serialized = new RSerializationWriter().Strings(["great", "great", "great", "great", "other", null]).ToArray();

    /// <summary><see cref="Serialized"/> compressed as R does (raw LZMA2, preset 9e) by Python's lzma module:
    /// lzma.compress(data, format=FORMAT_RAW, filters=[{"id": FILTER_LZMA2, "preset": 9 | PRESET_EXTREME}]).</summary>
    const string RealLzma2 = "e0006700365d002c027c19f9aff41d3b9e98357eead0f4214db34552c4c13a8713e10a3d30285c5b9bd1406a5128d5e8e52af288e337289bd7edf01bcc00";

    [Fact]
    public void A_Z_chunk_is_raw_LZMA2_as_xz_compresses_it()
    {
        var chunk = LazyLoadFiles.Chunk(Serialized.Length, (byte)'Z', Convert.FromHexString(RealLzma2));

        var data = LazyLoadChunk.Decompress(chunk, compressed: 3, "Rdata.rdb[x]");

        Assert.Equal(Serialized, data);
        Assert.Equal(["great", "great", "great", "great", "other", null], ((RStrings)RUnserializer.Read(data, "x")).Values);
    }

    [Fact]
    public void A_Z_chunk_of_stored_LZMA2_chunks_spans_more_than_one_64_KiB_block()
    {
        var data = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();

        Assert.Equal(data, LazyLoadChunk.Decompress(LazyLoadFiles.StoredLzma2Chunk(data), compressed: 3, "x"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Zlib_and_stored_chunks_carry_a_type_byte_in_the_bzip2_and_xz_families(int compressed)
    {
        Assert.Equal(Serialized, LazyLoadChunk.Decompress(LazyLoadFiles.ZlibChunk(Serialized), compressed, "x"));
        Assert.Equal(Serialized, LazyLoadChunk.Decompress(LazyLoadFiles.StoredChunk(Serialized), compressed, "x"));
    }

    [Fact]
    public void The_old_zlib_format_has_no_type_byte()
    {
        Assert.Equal(Serialized, LazyLoadChunk.Decompress(LazyLoadFiles.ZlibChunk(Serialized, typeByte: false), compressed: 1, "x"));
    }

    [Fact]
    public void A_payload_that_ends_before_its_declared_length_is_corrupt()
    {
        var chunk = LazyLoadFiles.Chunk(Serialized.Length + 1, (byte)'Z', Convert.FromHexString(RealLzma2));

        var e = Assert.Throws<RDataException>(() => LazyLoadChunk.Decompress(chunk, 3, "Rdata.rdb[x]"));

        Assert.Equal("Rdata.rdb[x]: corrupt compressed payload at offset 5: Data Error", e.Message);
    }

    [Theory]
    [InlineData(-1, "only 104")]
    [InlineData(1, "more than 103")]
    public void A_zlib_payload_of_another_length_than_declared_is_an_error(int difference, string actual)
    {
        var chunk = LazyLoadFiles.ZlibChunk(Serialized);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, Serialized.Length - difference);

        var e = Assert.Throws<RDataException>(() => LazyLoadChunk.Decompress(chunk, 3, "Rdata.rdb[x]"));

        Assert.Equal($"Rdata.rdb[x]: payload at offset 5 decompresses to {actual} bytes, header declares {Serialized.Length - difference}", e.Message);
    }

    [Fact]
    public void An_unknown_type_byte_is_refused_naming_it()
    {
        var e = Assert.Throws<RDataException>(() => LazyLoadChunk.Decompress(LazyLoadFiles.Chunk(1, (byte)'X', [0]), 3, "Rdata.rdb[x]"));

        Assert.Equal("Rdata.rdb[x]: unknown chunk type byte 0x58 at offset 4 (R writes 'Z', '2', '1' or '0')", e.Message);
    }

    [Fact]
    public void Corrupt_LZMA2_is_one_error_naming_the_chunk()
    {
        var e = Assert.Throws<RDataException>(() => LazyLoadChunk.Decompress(LazyLoadFiles.Chunk(10, (byte)'Z', [0xFF, 0xFF, 0xFF]), 3, "Rdata.rdb[x]"));

        Assert.StartsWith("Rdata.rdb[x]: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData(1u, 0)]          // 4 KiB, the smallest
    [InlineData(4096u, 0)]
    [InlineData(4097u, 1)]       // 6 KiB
    [InlineData(1_707_773u, 18)] // modeldata's training_data: 2 MiB
    [InlineData(64u << 20, 28)]  // R's preset 9e dictionary
    public void The_LZMA2_dictionary_asked_for_is_the_smallest_that_holds_the_output(uint length, int property)
    {
        Assert.Equal(property, LazyLoadChunk.Lzma2DictionaryByte(length));
    }
}
