using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Runner;

[Collection(TrainingRunsCollection.Name)]
public class AuditFindsRecordedStoreTests
{
    [Fact]
    public async Task AuditWithoutStoreUsesTheStoreTheRunRecorded()
    {
        using var e = new TinyExperiment();
        string store = e.NewStore();
        var run = await Reproduction.RunAsync(new ReproduceRequest
        {
            Experiment = "tiny", ExperimentsDirectory = e.ExperimentsDirectory, RunsDirectory = e.RunsDirectory,
            StoreRoot = store, Threads = 2,
        }, SilentProgress.Instance);

        var report = await RunAuditor.AuditAsync(new AuditRequest
        {
            Run = run.RunKey[..12], RunsDirectory = e.RunsDirectory, ExperimentsDirectory = e.ExperimentsDirectory,
        });
        Assert.True(report.Clean, report.ToText());
    }
}
