using System.Diagnostics;
using WeakToStrong.Runner.Tests.Data;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// A store that cannot be written: a stage lock that retried `locks/.guard` would wait out its full 10-minute deadline
/// and then crash. Waiting is only for a lock another process holds; a read-only store is one line at once.
/// </summary>
public sealed class ReadOnlyStoreTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void TakingAStageLockInAReadOnlyStoreFailsAtOnceNamingTheStore()
    {
        using var readOnly = ReadOnlyMount.TryCreate(_dir.Combine("store"), store => _ = new ContentStore(store));
        if (readOnly is null) return; // the reason is printed by TryCreate

        var stopwatch = Stopwatch.StartNew();
        var e = Assert.Throws<StoreUnusableException>(() => StageLock.Acquire(readOnly.Path, Key, "data/s0", _ => { }));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal($"cannot write the store at {Path.Combine(readOnly.Path, "locks")}: read-only file system; make it writable or choose another with --store (or W2S_STORE)", e.Message);
    }

    [Fact]
    public void OpeningANewStoreUnderAReadOnlyFolderFailsAtOnceNamingIt()
    {
        using var readOnly = ReadOnlyMount.TryCreate(_dir.Combine("ro"));
        if (readOnly is null) return;
        string root = Path.Combine(readOnly.Path, "store");

        var e = Assert.Throws<StoreUnusableException>(() => new ContentStore(root));

        Assert.Equal($"cannot write the store at {root}: read-only file system; make it writable or choose another with --store (or W2S_STORE)", e.Message);
    }

    [Fact]
    public void AFullDiskIsOneLineNamingTheStoreAndLeavesNoPartialFile()
    {
        using var small = ReadOnlyMount.TrySmallTmpfs(_dir.Combine("small"), 256);
        if (small is null) return;
        var store = new ContentStore(small.Path);

        var e = Assert.Throws<StoreUnusableException>(() => store.PutBytes(new byte[1 << 20]));

        Assert.Equal($"cannot write the store at {small.Path}: no space left on device; free space there or choose another with --store (or W2S_STORE)", e.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(small.Path, "tmp")));
    }

    [Theory]
    [InlineData(" ", "--store is blank; give a folder, or leave it out for the default store")]
    [InlineData("", "--store is blank; give a folder, or leave it out for the default store")]
    public void ABlankStoreIsRefused(string given, string message) =>
        Assert.Equal(message, Assert.Throws<StoreUnusableException>(() => ContentStore.RootFrom(given)).Message);
}
