using WeakToStrong.Runner.Tests.Data;
using WeakToStrong.Provenance.Stages;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>The per-stage lock's waiting, its message, and its files.</summary>
public sealed class StageLockTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    const string Key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task ASecondHolderWaitsSayingWhoHoldsTheStageAndGetsItOnRelease()
    {
        string store = _dir.Combine("store");
        var messages = new List<string>();
        var first = StageLock.Acquire(store, Key, "weak/weak/s0", messages.Add);
        Assert.False(first.Waited);

        var second = Task.Run(() => StageLock.Acquire(store, Key, "weak/weak/s0", m => { lock (messages) messages.Add(m); }));
        await Task.Delay(600);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var got = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(got.Waited);
        Assert.Equal([$"waiting for stage weak/weak/s0 held by pid {Environment.ProcessId}"], messages);
    }

    [Fact]
    public void ReleasingLeavesOnlyTheGuardAndTakingTheLockRemovesScratchAbandonedUnderTheSameKey()
    {
        string store = _dir.Combine("store");
        var abandoned = Directory.CreateDirectory(Path.Combine(store, "tmp", $"stage-{Key[..16]}-deadbeef")).FullName;
        var otherKey = Directory.CreateDirectory(Path.Combine(store, "tmp", "stage-ffffffffffffffff-deadbeef")).FullName;

        using (var held = StageLock.Acquire(store, Key, "data/s0", _ => { }))
        {
            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(otherKey)); // another stage's holder may still be using it
            Assert.StartsWith(Path.Combine(store, "tmp", $"stage-{Key[..16]}-"), held.NewScratch());
            Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(Path.Combine(store, "locks", $"stage-{Key}.lock.pid")));
        }

        Assert.Equal([".guard"], Directory.GetFiles(Path.Combine(store, "locks")).Select(Path.GetFileName));
    }
}
