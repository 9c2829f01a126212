using System.Diagnostics;
using WeakToStrong.Data.Cache;
using WeakToStrong.Data.Sources;
using WeakToStrong.Provenance.Files;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// A `path` source must be a regular file: a device would stream into the cache until the disk is full, a FIFO would
/// block the data stage forever. Real special files: a FIFO made with mkfifo, and /dev's own null device (a device
/// that streams nothing, so that a regression fails on the message instead of filling the disk).
/// </summary>
public sealed class SpecialFileSourceTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    // A well-formed pin (the check of the file comes after the pin's own): sha256 of "x".
    static readonly string AnyHash = TestArchives.Sha256("x"u8.ToArray());

    [Fact]
    public async Task AFifoPathSourceIsRefusedAtOnceNamingItAndNothingIsCached()
    {
        string data = Directory.CreateDirectory(_dir.Combine("data")).FullName;
        MakeFifo(Path.Combine(data, "pipe.csv"));
        var spec = PinnedSource.File("pipe.csv", AnyHash);
        var cache = new SourceCache(_dir.Combine("cache"), dataRoot: data);

        var stopwatch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal($"source file:pipe.csv: {data}/pipe.csv is a FIFO (named pipe), not a regular file; refused", e.Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.False(Directory.Exists(cache.EntryDir(spec)));
    }

    [Fact]
    public async Task ADevicePathSourceIsRefusedAtOnceNamingIt()
    {
        var spec = PinnedSource.File("null", AnyHash);
        var cache = new SourceCache(_dir.Combine("cache"), dataRoot: "/dev");

        var stopwatch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<SourceException>(() => cache.GetAsync(spec).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("source file:null: /dev/null is a character device, not a regular file; refused", e.Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.False(Directory.Exists(cache.EntryDir(spec)));
    }

    [Fact]
    public void AFileOverItsLimitIsRefusedNamingTheLimitAndTheVariableThatRaisesIt()
    {
        string file = _dir.Combine("big.json");
        File.WriteAllBytes(file, new byte[11]);
        var limit = new SizeLimit("a test file", 10, "W2S_TEST_LIMIT_THAT_IS_NEVER_SET");

        var e = Assert.Throws<UserFileException>(() => UserFile.ReadAllBytes(file, limit, "big.json"));

        Assert.Equal("big.json is 11 bytes, over the 10-byte limit for a test file; refused (set W2S_TEST_LIMIT_THAT_IS_NEVER_SET to raise it)", e.Message);
        Assert.Equal(11, UserFile.ReadAllBytes(file, limit with { DefaultBytes = 11 }).Length);
    }

    [Fact]
    public void PathsResolveUnderTheFileSystemRootWhenThatIsTheDataRoot()
    {
        Assert.Equal("/etc/passwd", SafePath.TryResolve("/", "etc/passwd"));
        Assert.True(RealPath.IsUnder("/etc/passwd", "/"));
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
