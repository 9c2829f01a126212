using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Runner;

[Collection(TrainingRunsCollection.Name)]
public class ReproductionTests
{
    static ReproduceRequest Request(TinyExperiment e, string store, IReadOnlyList<int>? seeds = null) => new()
    {
        Experiment = "tiny", ExperimentsDirectory = e.ExperimentsDirectory, RunsDirectory = e.RunsDirectory,
        StoreRoot = store, Threads = 2, Seeds = seeds ?? [],
    };

    static Dictionary<string, string> Outputs(RunRecord r) =>
        r.Hashed["stages"]!.AsArray().SelectMany(s => s!["outputs"]!.AsObject()
            .Select(o => KeyValuePair.Create($"{s["id"]}:{o.Key}", (string)o.Value!))).ToDictionary();

    [Fact]
    public async Task SameSeedTwiceWithFreshStoresGivesIdenticalCheckpointsAndRunKey()
    {
        using var e = new TinyExperiment();
        // Fresh stores: the second run cannot take anything from the first one's stage cache.
        var first = await Reproduction.RunAsync(Request(e, e.NewStore()), SilentProgress.Instance);
        var second = await Reproduction.RunAsync(Request(e, e.NewStore()), SilentProgress.Instance);

        var a = RunRecord.Read(first.RecordPath);
        var b = RunRecord.Read(second.RecordPath);
        Assert.Equal(Outputs(a), Outputs(b));
        Assert.Contains(Outputs(a).Keys, k => k.StartsWith("transfer/weak->strong/logconf/s0:model", StringComparison.Ordinal));
        Assert.Equal(first.RunKey, second.RunKey);
    }

    [Fact]
    public async Task DifferentSeedGivesDifferentCheckpoints()
    {
        using var e = new TinyExperiment();
        var store = e.NewStore();
        var s0 = Outputs(RunRecord.Read((await Reproduction.RunAsync(Request(e, store, [0]), SilentProgress.Instance)).RecordPath));
        var s1 = Outputs(RunRecord.Read((await Reproduction.RunAsync(Request(e, store, [1]), SilentProgress.Instance)).RecordPath));
        Assert.NotEqual(s0["weak/weak/s0:model"], s1["weak/weak/s1:model"]);
        // The pretrained body is shared by every run seed, so it is the same artifact.
        Assert.Equal(s0["pretrain/weak:body"], s1["pretrain/weak:body"]);
    }

    [Fact]
    public async Task EveryComputedLoopRecordsItsTokensPerSecondPaddingAndFractionOfPeak()
    {
        using var e = new TinyExperiment();
        var record = RunRecord.Read((await Reproduction.RunAsync(Request(e, e.NewStore()), SilentProgress.Instance)).RecordPath);
        var loops = record.Provenance["stages"]!.AsArray().Select(s => s!.AsObject())
            .Where(s => ((string)s["id"]!).Split('/')[0] is "pretrain" or "weak" or "label" or "ceiling" or "transfer").ToList();
        Assert.Contains(loops, s => ((string)s["id"]!).StartsWith("pretrain/", StringComparison.Ordinal));
        Assert.Contains(loops, s => ((string)s["id"]!).StartsWith("label/", StringComparison.Ordinal));
        foreach (var stage in loops)
        {
            var t = stage["timing"]!.AsObject();
            string id = (string)stage["id"]!;
            Assert.True((double)t["tokensPerSecond"]! > 0, id);
            Assert.True((double)t["peakGflops"]! > 0, id);
            Assert.True((double)t["fractionOfPeak"]! > 0, id);
            Assert.InRange((double)t["paddedShare"]!, 0, 0.99);
            Assert.Contains((string)t["precision"]!, new[] { "fp32", "bf16" });
        }
    }

    [Fact]
    public async Task WarmRerunTakesEveryStageFromTheCacheAndKeepsTheRunKey()
    {
        using var e = new TinyExperiment();
        var store = e.NewStore();
        var cold = await Reproduction.RunAsync(Request(e, store), SilentProgress.Instance);
        var warm = await Reproduction.RunAsync(Request(e, store), SilentProgress.Instance);
        Assert.Equal(cold.RunKey, warm.RunKey);
        var record = RunRecord.Read(warm.RecordPath);
        Assert.Equal(Path.GetFullPath(store), (string)record.Provenance["store"]!);
        var provenance = record.Provenance["stages"]!.AsArray();
        Assert.All(provenance, s => Assert.True((bool)s!["cached"]!, $"{s["id"]} was recomputed"));
    }

    [Fact]
    public void UnknownExperimentIsOneLineListingTheAvailableOnes()
    {
        using var e = new TinyExperiment();
        var ex = Assert.Throws<UserError>(() => Reproduction.Resolve(Request(e, e.NewStore()) with { Experiment = "tinny" }));
        var line = Assert.Single(ex.Lines);
        Assert.Equal("--experiment tinny: error W2S0100: Unknown experiment 'tinny'. Did you mean 'tiny'? Available: tiny.", line);
    }
}
