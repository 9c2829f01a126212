using WeakToStrong.Runner.Tests.Audit;
using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// The paper's early-stopping variants and student–supervisor agreement on a tiny real run: reported beside the
/// final checkpoint, read off the eval schedule, and changing nothing that is gated.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class EarlyStoppingRunTests
{
    static string WithEarlyStopping(string manifest) => manifest
        .Replace("\"maxCtx\": 32 }", "\"maxCtx\": 32, \"evalEvery\": 1, \"earlyStopping\": [\"ground-truth\", \"weak-agreement\"] }", StringComparison.Ordinal)
        .Replace("\"test\": 64 }", "\"test\": 64, \"validation\": 32 }", StringComparison.Ordinal);

    static ReproduceRequest Request(TinyExperiment e, string store) => new()
    {
        Experiment = "tiny", ExperimentsDirectory = e.ExperimentsDirectory, RunsDirectory = e.RunsDirectory,
        StoreRoot = store, Threads = 2, Seeds = [],
    };

    static Dictionary<string, JsonNode> Stages(RunRecord r) =>
        r.Hashed["stages"]!.AsArray().ToDictionary(s => (string)s!["id"]!, s => s!);

    static double D(JsonNode? n) => (double)n!;

    [Fact]
    public async Task VariantsAreReadOffTheScheduleAndLeaveTheGatedResultsAsTheyWere()
    {
        using var plain = new TinyExperiment();
        using var early = new TinyExperiment(WithEarlyStopping);
        var store = plain.NewStore();
        var a = Stages(RunRecord.Read((await Reproduction.RunAsync(Request(plain, store), SilentProgress.Instance)).RecordPath));
        var b = Stages(RunRecord.Read((await Reproduction.RunAsync(Request(early, store), SilentProgress.Instance)).RecordPath));

        // Validation is dealt after the other splits, and evaluating trains nothing: same splits, same checkpoints.
        foreach (var split in new[] { "train1", "train2", "test" })
            Assert.Equal((string)a["data/s0"]["outputs"]![split]!, (string)b["data/s0"]["outputs"]![split]!);
        Assert.NotNull(b["data/s0"]["outputs"]!["validation"]);
        foreach (var id in new[] { "weak/weak/s0", "ceiling/strong/s0", "transfer/weak->strong/xent/s0", "transfer/weak->strong/logconf/s0" })
        {
            Assert.Equal((string)a[id]["outputs"]!["model"]!, (string)b[id]["outputs"]!["model"]!);
            Assert.Equal(D(a[id]["metrics"]!["testAcc"]), D(b[id]["metrics"]!["testAcc"]));
        }

        var student = b["transfer/weak->strong/xent/s0"]["metrics"]!;
        var curve = student["evaluations"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 4), curve.Select(p => (int)p!["step"]!));   // 64 items, batch 16, 1 epoch
        Assert.Equal(D(curve[^1]!["testAcc"]), D(student["testAcc"]));
        Assert.Equal(D(curve[^1]!["agreement"]), D(student["agreement"]));
        Assert.InRange(D(student["agreement"]), 0, 1);

        var gt = student["earlyStopping"]!["ground-truth"]!;
        double bestAcc = curve.Max(p => D(p!["testAcc"]));
        Assert.Equal(bestAcc, D(gt["testAcc"]));
        Assert.Equal(curve.First(p => D(p!["testAcc"]) == bestAcc)!["step"]!.GetValue<int>(), (int)gt["step"]!);
        var wa = student["earlyStopping"]!["weak-agreement"]!;
        double bestAgreement = curve.Max(p => D(p!["validationAgreement"]));
        Assert.Equal(curve.First(p => D(p!["validationAgreement"]) == bestAgreement)!["step"]!.GetValue<int>(), (int)wa["step"]!);

        // The weak model and the ceiling train on ground truth: no supervisor, so only the oracle variant.
        var weak = b["weak/weak/s0"]["metrics"]!;
        Assert.Null(weak["agreement"]);
        Assert.NotNull(weak["earlyStopping"]!["ground-truth"]);
        Assert.Null(weak["earlyStopping"]!["weak-agreement"]);

        // The evaluate stage keeps the gated summary and adds one summary per variant.
        var evaluate = b["evaluate"]["metrics"]!;
        Assert.Equal(D(a["evaluate"]["metrics"]!["summary"]!["pairs"]![0]!["transferAcc"]), D(evaluate["summary"]!["pairs"]![0]!["transferAcc"]));
        var oracleRun = evaluate["earlyStopping"]!["ground-truth"]!["runs"]!.AsArray().Single(r => (string)r!["loss"]! == "xent")!;
        Assert.Equal(D(gt["testAcc"]), D(oracleRun["transferAcc"]));
        Assert.Equal(D(weak["earlyStopping"]!["ground-truth"]!["testAcc"]), D(oracleRun["weakAcc"]));
        var agreementRun = evaluate["earlyStopping"]!["weak-agreement"]!["runs"]!.AsArray().Single(r => (string)r!["loss"]! == "xent")!;
        Assert.Equal(D(wa["testAcc"]), D(agreementRun["transferAcc"]));
        Assert.Equal(D(weak["testAcc"]), D(agreementRun["weakAcc"]));
    }
}
