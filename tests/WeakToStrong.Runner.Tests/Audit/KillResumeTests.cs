using System.Diagnostics;
using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>The tiny experiment run once, uninterrupted, by the `w2s` tool: the reference the resumed runs must equal.</summary>
public sealed class CliReferenceRun : IAsyncLifetime
{
    internal TinyExperiment Experiment { get; } = new();
    public string Store { get; private set; } = "";
    public string RunKey { get; private set; } = "";

    public string[] Reproduce(string store, string runs) =>
        ["reproduce", "--experiment", "tiny", "--experiments-dir", Experiment.ExperimentsDirectory,
         "--store", store, "--runs-dir", runs, "--threads", "2"];

    public async Task InitializeAsync()
    {
        Store = Experiment.NewStore();
        var (code, output, error) = await W2sTool.RunAsync(Reproduce(Store, Experiment.RunsDirectory));
        Assert.True(code == 0, error);
        RunKey = W2sTool.RunKey(output);
    }

    public Task DisposeAsync()
    {
        Experiment.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>docs/architecture.md §5: a `Reproduce` killed with SIGKILL at any moment resumes to the record an uninterrupted run writes.</summary>
[Collection(TrainingRunsCollection.Name)]
public class KillResumeTests(CliReferenceRun reference) : IClassFixture<CliReferenceRun>
{
    /// <summary>
    /// Kill points: a stage id whose start line ("▶ [k/n] id") triggers the kill, and how long after it. Each resumed
    /// attempt skips the stages finished before, so the points fall in order: start-up, mid data, mid pretraining (both
    /// models), mid transfer, and while the record is being written.
    /// </summary>
    static readonly (string? Stage, int DelayMs)[] KillPoints =
    [
        (null, 300), ("data/s0", 1000), ("pretrain/weak", 500), ("pretrain/strong", 300),
        ("transfer/weak->strong/logconf/s0", 200), ("evaluate", 0),
    ];

    [Fact]
    public async Task KilledAtSeveralPointsThenResumedGivesTheUninterruptedRunKey()
    {
        string store = reference.Experiment.NewStore();
        string runs = Path.Combine(reference.Experiment.Root, "runs-resumed");
        int interrupted = 0;
        foreach (var (stage, delay) in KillPoints)
        {
            if (await KillAsync(reference.Reproduce(store, runs), stage, delay)) interrupted++;
            AssertNoPartialObjectIsVisible(store);
        }

        var (code, output, error) = await W2sTool.RunAsync(reference.Reproduce(store, runs));
        Assert.True(code == 0, error);
        string key = W2sTool.RunKey(output);
        var uninterrupted = RunRecord.Read(Path.Combine(reference.Experiment.RunsDirectory, "tiny", reference.RunKey + ".json"));
        Assert.True(reference.RunKey == key, RecordDifference.Explain(reference.RunKey, uninterrupted, key, runs,
            expectedStore: reference.Store, actualStore: store));
        Assert.True(interrupted >= 4, $"only {interrupted} of {KillPoints.Length} kills hit a running process");
        // The work done before the last kills was kept: every stage before `evaluate` came from the cache.
        var stages = RunRecord.Read(Path.Combine(runs, "tiny", reference.RunKey + ".json")).Provenance["stages"]!.AsArray();
        Assert.All(stages.Where(s => (string?)s!["id"] != "evaluate"), s => Assert.True((bool)s!["cached"]!, $"{s["id"]} was recomputed"));
    }

    /// <summary>
    /// Issue 27 item 7: a training stage killed midway continues from its last saved step (the state saved after every
    /// step here, W2S_RESUME_SAVE_SECONDS=0), and the run's key, which hashes every output's bytes and every metric
    /// (the loss curve and evaluations included), is the uninterrupted run's; the resume folder is gone afterwards.
    /// </summary>
    [Fact]
    public async Task ATrainingStageKilledMidwayResumesFromItsLastSavedStepAndTheRunKeyIsTheUninterruptedOnes()
    {
        // 12 epochs of 4 steps: a training stage of 48 steps, long enough to be caught midway.
        string[] Reproduce(string store, string runs) => [.. reference.Reproduce(store, runs), "--set", "training.epochs=12"];
        string runs = Path.Combine(reference.Experiment.Root, "runs-resume-inside");
        string straightStore = reference.Experiment.NewStore();
        var straight = await W2sTool.RunAsync(Reproduce(straightStore, Path.Combine(reference.Experiment.Root, "runs-straight")));
        Assert.True(straight.ExitCode == 0, straight.Error);

        string store = reference.Experiment.NewStore();
        string? caught = null;
        using (var p = W2sTool.Start(new Dictionary<string, string> { [TrainingResume.Variable] = "0" }, Reproduce(store, runs)))
        {
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (caught is null && !p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                caught = SavedAtLeast(store, 5);
                if (caught is null) await Task.Delay(5);
            }
            if (!p.HasExited) p.Kill(); // SIGKILL: no handler, no cleanup
            await p.WaitForExitAsync();
        }
        Assert.True(caught is not null, "no training stage had saved 5 steps before the run ended");

        var resumed = await W2sTool.RunAsync(Reproduce(store, runs));

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Matches(@"(?m)^\S+: resuming at step \d+ from .*resume-[0-9a-f]{64}$", resumed.Output);
        string key = W2sTool.RunKey(resumed.Output);
        Assert.True(W2sTool.RunKey(straight.Output) == key, RecordDifference.Explain(W2sTool.RunKey(straight.Output),
            RunRecord.Read(Path.Combine(reference.Experiment.Root, "runs-straight", "tiny", W2sTool.RunKey(straight.Output) + ".json")), key, runs,
            expectedStore: straightStore, actualStore: store));
        Assert.Empty(Directory.GetDirectories(Path.Combine(store, "tmp"), "resume-*"));
    }

    /// <summary>A resume folder of <paramref name="storeRoot"/> whose saved state is at step ≥ <paramref name="steps"/>, or null.</summary>
    static string? SavedAtLeast(string storeRoot, int steps)
    {
        string tmp = Path.Combine(storeRoot, "tmp");
        if (!Directory.Exists(tmp)) return null;
        foreach (var dir in Directory.GetDirectories(tmp, "resume-*"))
        {
            try
            {
                if (int.TryParse(File.ReadAllText(Path.Combine(dir, "step.txt")).Trim(), out int step) && step >= steps) return dir;
            }
            catch (IOException) { } // not written yet, or being replaced
        }
        return null;
    }

    [Fact]
    public async Task AuditToolExitsZeroWhenCleanAndNonZeroNamingAFlippedArtifact()
    {
        string[] audit = ["audit", "--run", reference.RunKey[..10], "--store", reference.Store,
            "--runs-dir", reference.Experiment.RunsDirectory, "--experiments-dir", reference.Experiment.ExperimentsDirectory];
        var clean = await W2sTool.RunAsync(audit);
        Assert.True(clean.ExitCode == 0, clean.Output + clean.Error);
        Assert.EndsWith("artifacts as recorded, every metric as stored", clean.Output.TrimEnd());

        var record = RunRecord.Read(Path.Combine(reference.Experiment.RunsDirectory, "tiny", reference.RunKey + ".json"));
        var labels = record.Hashed["stages"]!.AsArray().Single(s => (string?)s!["id"] == "label/weak/s0")!;
        var reference_ = ContentRef.Parse((string)labels["outputs"]!["labels"]!);
        string path = new ContentStore(reference.Store).PathOf(reference_.Sha256);
        var original = File.ReadAllBytes(path);
        var flipped = (byte[])original.Clone();
        flipped[0] ^= 0x01;
        File.WriteAllBytes(path, flipped);
        try
        {
            var dirty = await W2sTool.RunAsync([.. audit, "--json"]);
            Assert.Equal(1, dirty.ExitCode);
            var json = System.Text.Json.Nodes.JsonNode.Parse(dirty.Output)!;
            Assert.False((bool)json["clean"]!);
            var stage = json["stages"]!.AsArray().Single(s => (string?)s!["id"] == "label/weak/s0")!;
            Assert.Equal(("modified", "labels", "modified"),
                ((string)stage["status"]!, (string)stage["artifacts"]![0]!["name"]!, (string)stage["artifacts"]![0]!["status"]!));
        }
        finally
        {
            File.WriteAllBytes(path, original);
        }
    }

    /// <summary>Starts a run and SIGKILLs it <paramref name="delayMs"/> after <paramref name="stage"/> starts (or after start-up when null); true when it was still running.</summary>
    static async Task<bool> KillAsync(string[] args, string? stage, int delayMs)
    {
        using var p = W2sTool.Start(args);
        _ = p.StandardError.ReadToEndAsync();
        var trigger = new TaskCompletionSource();
        if (stage is null) trigger.SetResult();
        var reader = Task.Run(async () =>
        {
            while (await p.StandardOutput.ReadLineAsync() is { } line)
                if (stage is not null && line.StartsWith("▶", StringComparison.Ordinal) && line.EndsWith("] " + stage, StringComparison.Ordinal))
                    trigger.TrySetResult();
            trigger.TrySetResult(); // the run ended without reaching the stage
        });
        await trigger.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await Task.Delay(delayMs);
        bool running = !p.HasExited;
        if (running) p.Kill(); // SIGKILL on Unix: no handler, no cleanup
        await p.WaitForExitAsync();
        await reader;
        return running;
    }

    /// <summary>After a kill, the store holds only complete objects and complete, verified stage entries; scratch is in tmp/.</summary>
    static void AssertNoPartialObjectIsVisible(string storeRoot)
    {
        var store = new ContentStore(storeRoot);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(storeRoot, "objects"), "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".lock", StringComparison.Ordinal)) continue;
            string hash = Path.GetFileName(Path.GetDirectoryName(file))! + Path.GetFileName(file);
            Assert.Equal(hash, ContentStore.HashFile(file).Sha256);
        }
        string stages = Path.Combine(storeRoot, "stages");
        if (!Directory.Exists(stages)) return;
        var cache = new StageCache(store);
        foreach (var entry in Directory.EnumerateFiles(stages, "*.json", SearchOption.AllDirectories))
            Assert.True(cache.TryGet(Path.GetFileNameWithoutExtension(entry), out string why) is not null, $"{entry}: {why}");
    }
}
