using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>The tiny experiment run once (≈10 s) for a whole test class: a real store and record to audit.</summary>
public sealed class TinyRunFixture : IAsyncLifetime
{
    internal TinyExperiment Experiment { get; } = new();
    public string Store { get; private set; } = "";
    public string RunKey { get; private set; } = "";
    public RunRecord Record { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = Experiment.NewStore();
        var result = await Reproduction.RunAsync(new ReproduceRequest
        {
            Experiment = "tiny", ExperimentsDirectory = Experiment.ExperimentsDirectory, RunsDirectory = Experiment.RunsDirectory,
            StoreRoot = Store, Threads = 2,
        }, SilentProgress.Instance);
        RunKey = result.RunKey;
        Record = RunRecord.Read(result.RecordPath);
    }

    public AuditRequest Request(string? experimentsDirectory = null) => new()
    {
        Run = RunKey[..12], // a prefix is enough, as on the command line
        RunsDirectory = Experiment.RunsDirectory,
        ExperimentsDirectory = experimentsDirectory ?? Experiment.ExperimentsDirectory,
        StoreRoot = Store,
    };

    public Task DisposeAsync()
    {
        Experiment.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The classes that train serialise here: two cores, and torch's thread count is process-wide.</summary>
[CollectionDefinition(Name)]
public sealed class TrainingRunsCollection
{
    public const string Name = "training runs";
}
