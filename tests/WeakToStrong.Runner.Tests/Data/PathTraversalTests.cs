using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Runner.Tests.Data;

public sealed class PathTraversalTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("package/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\escape.txt")]
    [InlineData("C:/windows/x")]
    public void Paths_escaping_the_root_are_refused(string relative) =>
        Assert.Null(SafePath.TryResolve(_dir.Path, relative));

    [Fact]
    public void Paths_inside_the_root_resolve_under_it() =>
        Assert.Equal(_dir.Combine("package", "dict", "data.noun"), SafePath.TryResolve(_dir.Path, "package/./dict/data.noun"));

    [Fact]
    public async Task An_archive_entry_climbing_out_of_the_cache_is_refused_and_nothing_is_written()
    {
        var bytes = TestArchives.TarGz(("package/ok.txt", "fine"), ("../../evil.txt", "pwned"));
        Directory.CreateDirectory(_dir.Combine("data"));
        File.WriteAllBytes(_dir.Combine("data", "evil.tgz"), bytes);
        var spec = PinnedSource.File("evil.tgz", TestArchives.Sha256(bytes));
        var cache = new SourceCache(_dir.Combine("cache"), dataRoot: _dir.Combine("data"));

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.StartsWith("source file:evil.tgz: path '../../evil.txt' escapes its root", e.Message);
        Assert.False(Directory.Exists(cache.EntryDir(spec)));
        Assert.Empty(Directory.EnumerateFiles(_dir.Path, "evil.txt", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_source_outside_the_data_root_is_refused()
    {
        File.WriteAllText(_dir.Combine("secret.txt"), "x");
        var spec = PinnedSource.File("../secret.txt", TestArchives.Sha256("x"u8.ToArray()));
        var cache = new SourceCache(_dir.Combine("cache"), dataRoot: Directory.CreateDirectory(_dir.Combine("data")).FullName);

        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec));

        Assert.Equal($"source file:../secret.txt: path '../secret.txt' escapes its root '{_dir.Combine("data")}'; refused", e.Message);
    }
}
