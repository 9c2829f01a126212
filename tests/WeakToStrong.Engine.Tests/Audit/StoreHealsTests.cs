using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Engine.Tests.Audit;

/// <summary>
/// Issue 14 §1: a damaged store heals. One byte flipped in each kind of stored object, then a reproduce (or a
/// repair) computes exactly the damaged stages again, ends with the undamaged run's key and a clean audit, and the
/// quarantine holds every damaged object with a note.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class StoreHealsTests(TinyRunFixture run) : IClassFixture<TinyRunFixture>
{
    /// <summary>Records which stages were computed rather than taken from the cache.</summary>
    sealed class Started : IRunProgress
    {
        public List<string> Stages { get; } = [];
        public void StageStarted(string stageId, string kind, int index, int total) => Stages.Add(stageId);
        public void StageCached(string stageId, string kind, int index, int total) { }
        public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond) { }
        public void StageFinished(string stageId, TimeSpan elapsed, string summary) { }
        public void Info(string message) { }
    }

    StoreDamage Damage() => new(run.Store, run.Record, Path.Combine(run.Experiment.Root, "damaged-" + Guid.NewGuid().ToString("N")[..8]));

    static List<(string What, string Expected)> Notes(string store) =>
        Quarantine.List(store).Select(n => (n.What, n.Expected)).OrderBy(n => n.What, StringComparer.Ordinal).ToList();

    static List<(string, string)> Sorted(List<(string What, string Expected)> l) => l.OrderBy(n => n.What, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task ByteFlipsInEveryKindOfStoredObjectThenReproduceRecomputesExactlyThoseStagesToTheUndamagedRunKey()
    {
        var damage = Damage();
        string runs = Path.Combine(run.Experiment.Root, "runs-" + Guid.NewGuid().ToString("N")[..8]);
        var started = new Started();

        var result = await Reproduction.RunAsync(new ReproduceRequest
        {
            Experiment = "tiny", ExperimentsDirectory = run.Experiment.ExperimentsDirectory, RunsDirectory = runs,
            StoreRoot = damage.Store, Threads = 2,
        }, started);

        Assert.Equal(StoreDamage.DamagedStages, started.Stages);
        Assert.Equal(run.RunKey, result.RunKey);
        var audit = await RunAuditor.AuditAsync(new AuditRequest
        {
            Run = result.RunKey, RunsDirectory = runs, ExperimentsDirectory = run.Experiment.ExperimentsDirectory, StoreRoot = damage.Store,
        });
        Assert.True(audit.Clean, audit.ToText());
        Assert.Equal(Sorted(damage.Expected), Notes(damage.Store));
    }

    [Fact]
    public async Task RepairRecomputesExactlyTheDamagedStagesAndReauditsClean()
    {
        var damage = Damage();
        string runs = Path.Combine(run.Experiment.Root, "runs-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Experiment.RunsDirectory, runs);

        var repair = await RunRepair.RepairAsync(run.Request() with { RunsDirectory = runs, StoreRoot = damage.Store }, SilentProgress.Instance);

        Assert.False(repair.Before.Clean);
        Assert.Equal(["data/s0", "label/weak/s0", "weak/weak/s0"],
            repair.Before.Stages.Where(s => s.Status != WeakToStrong.Provenance.Audit.AuditStatus.Ok).Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(StoreDamage.DamagedStages, repair.Recomputed);
        Assert.Equal(run.RunKey, repair.RunKey);
        Assert.False(repair.KeyChanged);
        Assert.True(repair.Clean, repair.After.ToText());
        Assert.Equal(Sorted(damage.Expected), repair.Quarantined.Select(n => (n.What, n.Expected)).OrderBy(n => n.What, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task RepairOfAnIntactStoreComputesNothing()
    {
        string store = Path.Combine(run.Experiment.Root, "intact-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Store, store);
        string runs = Path.Combine(run.Experiment.Root, "runs-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Experiment.RunsDirectory, runs);

        var repair = await RunRepair.RepairAsync(run.Request() with { RunsDirectory = runs, StoreRoot = store }, SilentProgress.Instance);

        Assert.True(repair.Before.Clean, repair.Before.ToText());
        Assert.Empty(repair.Recomputed);
        Assert.Equal(run.RunKey, repair.RunKey);
        Assert.True(repair.Clean);
        Assert.Empty(repair.Quarantined);
    }
}
