using WeakToStrong.Data.Formats.RData;

namespace WeakToStrong.Runner.Tests.Data.RData;

/// <summary>An .rdx index and .rdb chunks as makeLazyLoadDB writes them, opened by <see cref="LazyLoadDatabase"/>.</summary>
public sealed class LazyLoadDatabaseTests : IDisposable
{
    readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    [Fact]
    public void Variables_are_listed_in_index_order_and_each_loads_from_its_own_chunk()
    {
        var basePath = dir.Combine("data", "Rdata");
        LazyLoadFiles.Write(basePath, compressed: 3,
            ("words", LazyLoadFiles.StoredLzma2Chunk(new RSerializationWriter().Strings(["a", "b"]).ToArray())),
            ("counts", LazyLoadFiles.ZlibChunk(new RSerializationWriter().Ints([3, 1]).ToArray())));

        var db = LazyLoadDatabase.Open(basePath);

        Assert.Equal(["words", "counts"], db.Variables);
        Assert.Equal(["a", "b"], ((RStrings)db.Load("words")).Values);
        Assert.Equal([3, 1], ((RIntegers)db.Load("counts")).Values);
    }

    [Fact]
    public void An_unknown_variable_lists_the_ones_there_are()
    {
        var basePath = dir.Combine("Rdata");
        LazyLoadFiles.Write(basePath, 3, ("words", LazyLoadFiles.StoredChunk(new RSerializationWriter().Null().ToArray())));

        var e = Assert.Throws<KeyNotFoundException>(() => LazyLoadDatabase.Open(basePath).Load("numbers"));

        Assert.Equal($"{basePath}.rdb: no variable 'numbers' (has words)", e.Message);
    }

    [Fact]
    public void A_chunk_that_runs_past_the_file_is_an_error_naming_the_variable()
    {
        var basePath = dir.Combine("Rdata");
        LazyLoadFiles.Write(basePath, 3, ("words", LazyLoadFiles.StoredChunk(new RSerializationWriter().Null().ToArray())));
        File.WriteAllBytes(basePath + ".rdb", [0, 0]);

        var e = Assert.Throws<RDataException>(() => LazyLoadDatabase.Open(basePath).Load("words"));

        Assert.Equal($"{basePath}.rdb[words]: chunk at offset 0 of 32 bytes runs past the end of the file (2 bytes)", e.Message);
    }
}
