using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Tests.Runner;

namespace WeakToStrong.Runner.Tests.StoreUpkeep;

/// <summary>`gc` (issue 27): what no record names goes, what a record names stays and still audits clean.</summary>
[Collection(TrainingRunsCollection.Name)]
public sealed class GcTests : IDisposable
{
    readonly TinyExperiment _experiment = new();
    public void Dispose() => _experiment.Dispose();

    string[] Reproduce(string store, string runs, params string[] extra) =>
        ["reproduce", "--experiment", "tiny", "--experiments-dir", _experiment.ExperimentsDirectory, "--store", store, "--runs-dir", runs, "--threads", "2", .. extra];

    static int Files(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task Gc_frees_an_abandoned_runs_objects_and_the_recorded_run_still_audits_clean()
    {
        string store = _experiment.NewStore();
        var finished = await W2sTool.RunAsync(Reproduce(store, _experiment.RunsDirectory));
        Assert.True(finished.ExitCode == 0, finished.Error);
        string key = W2sTool.RunKey(finished.Output);
        int recordedObjects = Files(Path.Combine(store, "objects"));
        // Abandoned: another learning rate, its record written elsewhere (as if the run had been killed before it).
        var abandoned = await W2sTool.RunAsync(Reproduce(store, Path.Combine(_experiment.Root, "elsewhere"), "--set", "training.lr=0.002"));
        Assert.True(abandoned.ExitCode == 0, abandoned.Error);
        int before = Files(Path.Combine(store, "objects"));
        Assert.True(before > recordedObjects);
        string[] gc = ["gc", "--store", store, "--runs-dir", _experiment.RunsDirectory];

        // A training stage killed for good left its saved state behind (docs/architecture.md §5).
        string state = Directory.CreateDirectory(Path.Combine(store, "tmp", "resume-" + new string('a', 64))).FullName;
        File.WriteAllBytes(Path.Combine(state, "model.safetensors"), new byte[2048]);

        var dry = await W2sTool.RunAsync([.. gc, "--dry-run"]);
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Matches($@"^gc: 1 records under \S+ keep {recordedObjects} objects \([^)]+\) and 9 stage entries; would remove {before - recordedObjects} objects \([^)]+\) and 6 stage entries, and 1 killed training stages' saved states \(2\.0 KiB\) from {store}\n$", dry.Output);
        Assert.True(Directory.Exists(state));
        Assert.Equal(before, Files(Path.Combine(store, "objects")));

        var collected = await W2sTool.RunAsync(gc);
        Assert.True(collected.ExitCode == 0, collected.Error);
        Assert.Contains($"; removed {before - recordedObjects} objects (", collected.Output);
        Assert.Equal(recordedObjects, Files(Path.Combine(store, "objects")));
        Assert.False(Directory.Exists(state));
        var again = await W2sTool.RunAsync(gc);
        Assert.Contains("; removed 0 objects (0 B) and 0 stage entries", again.Output);

        var audit = await W2sTool.RunAsync("audit", "--run", key[..12], "--store", store, "--runs-dir", _experiment.RunsDirectory,
            "--experiments-dir", _experiment.ExperimentsDirectory);
        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        Assert.EndsWith("artifacts as recorded, every metric as stored", audit.Output.TrimEnd());
    }

    [Fact]
    public async Task Gc_refuses_in_one_line_while_a_stage_lock_is_held_and_removes_nothing()
    {
        string store = _experiment.NewStore();
        string locks = Directory.CreateDirectory(Path.Combine(store, "locks")).FullName;
        Directory.CreateDirectory(Path.Combine(store, "objects", "sha256", "ab"));
        File.WriteAllText(Path.Combine(store, "objects", "sha256", "ab", "cd"), "unreferenced");
        using var held = new FileStream(Path.Combine(locks, "stage-0123.lock"), FileMode.Create, FileAccess.ReadWrite, FileShare.None);

        var (code, output, error) = await W2sTool.RunAsync("gc", "--store", store, "--runs-dir", _experiment.RunsDirectory);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"gc: a run is computing in {store} (stage-0123.lock is held); run gc when it has ended\n", error);
        Assert.True(File.Exists(Path.Combine(store, "objects", "sha256", "ab", "cd")));
    }
}
