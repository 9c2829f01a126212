using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Data;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>Below the runner: what the content store and the stage cache do with damaged or stale entries.</summary>
public sealed class StoreIntegrityTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    ContentStore NewStore() => new(_dir.Combine("store"));

    static void FlipMiddleByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void PutOverADamagedObjectOfTheSameSizeQuarantinesItAndStoresTheRightBytes()
    {
        var store = NewStore();
        var good = "split contents"u8.ToArray();
        var r = store.PutBytes(good);
        FlipMiddleByte(store.PathOf(r.Sha256));
        var damaged = ContentStore.HashFile(store.PathOf(r.Sha256));

        var again = new ContentStore(store.Root).PutBytes(good);

        Assert.Equal(r, again);
        Assert.Equal(good, File.ReadAllBytes(store.PathOf(r.Sha256)));
        var note = Assert.Single(Quarantine.List(store.Root));
        Assert.Equal(("stored object", r.ToString(), damaged.ToString()), (note.What, note.Expected, note.Actual));
        Assert.Equal(damaged, ContentStore.HashFile(Path.Combine(store.Root, "quarantine", note.File)));
    }

    [Fact]
    public void CheckForUseRehashesAnObjectChangedAfterThisStoreVerifiedIt()
    {
        var store = NewStore();
        var r = store.PutBytes("labels"u8);
        Assert.Null(store.CheckForUse(r, "labels of a test"));
        FlipMiddleByte(store.PathOf(r.Sha256));

        string? problem = store.CheckForUse(r, "labels of a test");

        Assert.StartsWith($"damaged (expected {r}, found sha256:", problem);
        Assert.False(File.Exists(store.PathOf(r.Sha256)));
        Assert.Equal("missing", store.CheckForUse(r, "labels of a test"));
        Assert.Equal("labels of a test", Assert.Single(Quarantine.List(store.Root)).What);
    }

    static StageOutput Output(ContentStore store, string key) =>
        new(key, "weak", new Dictionary<string, ContentRef> { ["model"] = store.PutBytes("weights"u8) }, new JsonObject { ["testAcc"] = 0.625 });

    const string Key = "ab0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    [Fact]
    public void AnEntryIsReusedOnlyForTheInputObjectsItWasComputedFrom()
    {
        var store = NewStore();
        var cache = new StageCache(store);
        var inputs = new Dictionary<string, string> { ["data/s0:train1"] = "sha256:" + new string('1', 64) + " 10" };
        cache.Put(Output(store, Key), inputs);

        Assert.NotNull(cache.TryGet(Key, inputs, out string same));
        Assert.Equal("cached", same);
        var repaired = new Dictionary<string, string> { ["data/s0:train1"] = "sha256:" + new string('2', 64) + " 10" };
        Assert.Null(cache.TryGet(Key, repaired, out string why));
        Assert.Equal($"input 'data/s0:train1' (sha256:{new string('1', 64)} 10 -> sha256:{new string('2', 64)} 10) changed since it ran", why);
        Assert.Empty(Quarantine.List(store.Root)); // stale, not damaged: recomputed and overwritten
    }

    [Fact]
    public void AnEntryWhoseMetricsWereEditedIsQuarantinedAndCountsAsMissing()
    {
        var store = NewStore();
        var cache = new StageCache(store);
        cache.Put(Output(store, Key), new Dictionary<string, string>());
        string path = Path.Combine(store.Root, "stages", "ab", Key + ".json");
        string check = (string)JsonNode.Parse(File.ReadAllText(path))!["check"]!;
        File.WriteAllText(path, File.ReadAllText(path).Replace("0.625", "0.925"));

        Assert.Null(cache.TryGet(Key, out string why));

        Assert.StartsWith("damaged cache entry (content hashes to sha256:", why);
        Assert.False(File.Exists(path));
        var note = Assert.Single(Quarantine.List(store.Root));
        Assert.Equal(($"stage cache entry {Key}", $"check {check}"), (note.What, note.Expected));
    }

    [Fact]
    public void AnEntryWithADamagedOutputQuarantinesTheObjectAndCountsAsMissing()
    {
        var store = NewStore();
        var cache = new StageCache(store);
        var output = Output(store, Key);
        cache.Put(output, new Dictionary<string, string>());
        FlipMiddleByte(store.PathOf(output.Outputs["model"].Sha256));

        Assert.Null(new StageCache(new ContentStore(store.Root)).TryGet(Key, out string why));

        Assert.StartsWith($"output 'model' damaged (expected {output.Outputs["model"]}, found sha256:", why);
        Assert.Equal($"output 'model' of stage {Key} (weak)", Assert.Single(Quarantine.List(store.Root)).What);
    }

    [Fact]
    public void AnEntryWrittenBeforeEntriesWereHashedIsRecomputedNotTrusted()
    {
        var store = NewStore();
        var output = Output(store, Key);
        string path = Path.Combine(store.Root, "stages", "ab", Key + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $$"""{ "key": "{{Key}}", "kind": "weak", "outputs": { "model": "{{output.Outputs["model"]}}" }, "metrics": {} }""");

        Assert.Null(new StageCache(store).TryGet(Key, out string why));
        Assert.Equal("cache entry predates hashed entries", why);
    }
}
