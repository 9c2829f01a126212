using WeakToStrong.Runner.Tests.Data;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// Something that is not a regular file where the store keeps an object (a dangling link, a FIFO) could crash a run
/// (FileNotFoundException) or block it: it is quarantined like a damaged object and the object written again.
/// </summary>
public sealed class StrayObjectTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ADanglingLinkInObjectsIsQuarantinedNamedAndReplacedByTheNextWrite()
    {
        var store = new ContentStore(_dir.Combine("store"));
        var r = store.PutBytes("payload"u8);
        string path = store.PathOf(r.Sha256);
        File.Delete(path);
        File.CreateSymbolicLink(path, _dir.Combine("nowhere"));

        Assert.Equal($"not a regular file (a symbolic link to {_dir.Combine("nowhere")})", store.Verify(r));
        string? problem = new ContentStore(store.Root).CheckForUse(r, "output 'x' of stage s");

        Assert.StartsWith($"damaged (expected {r}, found a symbolic link to {_dir.Combine("nowhere")}); moved to {Path.Combine(store.Root, "quarantine")}/", problem);
        Assert.Null(UserFile.LinkTarget(path));
        Assert.False(File.Exists(path));
        var note = Assert.Single(Quarantine.List(store.Root));
        Assert.Equal("output 'x' of stage s", note.What);

        Assert.Equal(r, store.PutBytes("payload"u8));
        Assert.Null(store.Verify(r));
    }

    [Fact]
    public async Task AFifoInObjectsIsQuarantinedWithoutBeingOpened()
    {
        var store = new ContentStore(_dir.Combine("store"));
        var r = store.PutBytes("payload"u8);
        string path = store.PathOf(r.Sha256);
        File.Delete(path);
        SpecialFileSourceTests.MakeFifo(path);

        string? problem = await Task.Run(() => new ContentStore(store.Root).CheckForUse(r, "output 'x' of stage s")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith($"damaged (expected {r}, found a FIFO (named pipe)); moved to ", problem);
        Assert.False(File.Exists(path));
    }
}
