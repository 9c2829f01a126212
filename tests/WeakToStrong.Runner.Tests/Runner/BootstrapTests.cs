using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Stages;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Data.Formats;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// Bootstrapping (paper §4.3.1), without training: a chain small → mid → large compiles to one stage per step, each
/// fed by its predecessor's train2 labels, and the evaluate stage reports the final model against the chain's weak
/// model and the final model's ceiling, beside the direct small → large transfer.
/// </summary>
public class BootstrapPlanTests
{
    internal const string Step1 = "bootstrap/small->mid->large/xent/1/s0", Step2 = "bootstrap/small->mid->large/xent/2/s0";

    internal static ReproduceRequest Request(TinyBootstrapExperiment e, string store, params string[] sets) => new()
    {
        Experiment = TinyBootstrapExperiment.Id, ExperimentsDirectory = e.ExperimentsDirectory, RunsDirectory = e.RunsDirectory,
        StoreRoot = store, Threads = 2, Sets = sets,
    };

    static Plan Compile(params string[] sets)
    {
        using var e = new TinyBootstrapExperiment();
        return PlanCompiler.Compile(Reproduction.Resolve(Request(e, e.Root, sets)), StageCode.Current);
    }

    [Fact]
    public void ChainCompilesToOneStagePerStepEachFedByItsPredecessorsLabels()
    {
        var plan = Compile();
        Assert.Equal([
            "data/s0", "pretrain/small", "pretrain/mid", "pretrain/large", "weak/small/s0", "label/small/s0",
            "ceiling/mid/s0", "ceiling/large/s0", "transfer/small->large/xent/s0", Step1, Step2, "evaluate",
        ], plan.Stages.Select(s => s.Id));
        // The first step learns from the weak model's train2 labels, the next from the first step's.
        Assert.Equal(["label/small/s0", "data/s0", "pretrain/mid"], plan[Step1].DependsOn);
        Assert.Equal([Step1, "data/s0", "pretrain/large"], plan[Step2].DependsOn);
        foreach (var (id, size, step) in new[] { (Step1, "w48-l1-h2", 1), (Step2, "w64-l1-h2", 2) })
        {
            var p = plan[id].Parameters;
            Assert.Equal(StageKind.Bootstrap, plan[id].Kind);
            Assert.Equal(size, (string)p["model"]!["size"]!);
            Assert.Equal(step, (int)p["step"]!);
            Assert.Equal("xent", (string)p["loss"]!["name"]!);
            Assert.Equal("train2", (string)p["trainOn"]!);
        }
        var evaluate = plan["evaluate"];
        Assert.Equal(["weak/small/s0", "ceiling/mid/s0", "ceiling/large/s0", "transfer/small->large/xent/s0", Step1, Step2], evaluate.DependsOn);
        Assert.Equal("""[["small","mid","large"]]""", evaluate.Parameters["bootstrap"]!.ToJsonString());
        Assert.Equal(plan.Stages.Count, plan.Stages.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void ChangingTheIntermediateModelRekeysBothStepsAndEvaluateButNotTheDirectTransfer()
    {
        var a = Compile();
        var b = Compile("models.mid.size=w32-l1-h2");
        var changed = a.Stages.Zip(b.Stages).Where(z => z.First.Key != z.Second.Key).Select(z => z.First.Id);
        // Step 2 trains the same large model: only its teacher's key (an input) changed.
        Assert.Equal(["pretrain/mid", "ceiling/mid/s0", Step1, Step2, "evaluate"], changed);
    }

    [Fact]
    public void EvaluateReportsTheChainAgainstWeakAndCeilingWithPgrBesideTheDirectTransfer()
    {
        // Synthetic accuracies (binary fractions, so every figure below is exact); seed 1 has no gap to recover.
        // Per-seed baselines: each seed's chain is measured against its own weak model and ceiling.
        var metrics = EvaluateWith(Compile("seeds=[0,1]", "pgrBaseline=per-seed"));
        var rows = metrics["bootstrap"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal(JsonNode.Parse("""
            {"chain":["small","mid","large"],"loss":"xent","seed":0,"weakAcc":0.5,"bootstrapAcc":0.625,"ceilingAcc":0.75,
             "pgr":0.5,"flag":null,"directTransferAcc":0.5625,"directPgr":0.25,
             "steps":[{"model":"small","testAcc":0.5,"train2Acc":0.5},{"model":"mid","testAcc":0.5,"train2Acc":0.25},
                      {"model":"large","testAcc":0.625,"train2Acc":0.375}]}
            """)!.ToJsonString(), rows[0]!.ToJsonString());
        Assert.Null(rows[1]!["pgr"]);
        Assert.Equal("ceiling 0.75 <= weak 0.75: no gap to recover", (string)rows[1]!["flag"]!);
        Assert.Null(rows[1]!["directPgr"]);

        var summary = Assert.Single(metrics["summary"]!["bootstrap"]!.AsArray())!;
        Assert.Equal(JsonNode.Parse("""
            {"chain":["small","mid","large"],"loss":"xent","seeds":2,"validSeeds":1,
             "weakAcc":0.625,"bootstrapAcc":0.71875,"ceilingAcc":0.75,"directTransferAcc":0.625,
             "pgrMedian":0.5,"pgrMean":0.5,"pgrSe":null,"flagged":["s1: ceiling 0.75 <= weak 0.75: no gap to recover"],
             "pgrRatioOfMeans":0.75,"pgrCi":null,"pgrCiNote":null,"gain":0.09375,"gainCi":null,
             "weakWrongAgreement":null,"errorCorrection":null,"errorCorrectionCi":null,"weakRightAccuracy":null,
             "testItems":null,"constantStudentSeeds":null}
            """)!.ToJsonString(), summary.ToJsonString());
        // (0.71875 − 0.625) / (0.75 − 0.625): the ratio of the seed means; stages without per-item outcomes have no intervals.
        // The pairs' summary is untouched by the chain.
        Assert.Equal("small", (string)Assert.Single(metrics["summary"]!["pairs"]!.AsArray())!["weak"]!);
    }

    [Fact]
    public void SeedMeanBaselinesMeasureEverySeedAgainstTheMeansOfWeakAndCeiling()
    {
        // The manifest default (the reference's notebook): weak small = (0.5 + 0.75) / 2, ceiling large = 0.75,
        // so seed 1, which has no gap of its own, counts: (0.8125 − 0.625) / (0.75 − 0.625) = 1.5.
        var metrics = EvaluateWith(Compile("seeds=[0,1]"));
        var rows = metrics["bootstrap"]!.AsArray();
        Assert.Equal([0.625, 0.625], rows.Select(r => (double)r!["weakAcc"]!));
        Assert.Equal([0.0, 1.5], rows.Select(r => (double)r!["pgr"]!));
        Assert.Equal("seed-mean", (string)metrics["summary"]!["pgrBaseline"]!);
        var pair = Assert.Single(metrics["summary"]!["pairs"]!.AsArray())!;
        Assert.Equal(0.625, (double)pair["weakAcc"]!);
        Assert.Equal(0.0, (double)pair["pgrMedian"]!);   // transfers 0.5625 and 0.6875: PGR −0.5 and 0.5
    }

    [Fact]
    public void WithoutChainsEvaluateOutputHasNoBootstrapEntries()
    {
        // So an experiment without chains keeps the evaluate output (and run key) it had before chains were reported.
        var metrics = EvaluateWith(Compile("bootstrap=[]"));
        Assert.Equal(["runs", "summary"], metrics.Select(m => m.Key));
        Assert.Equal(["pairs", "medianPgrByLoss", "flagged", "pgrBaseline"], metrics["summary"]!.AsObject().Select(m => m.Key));
    }

    [Fact]
    public void EvaluateAddsRatioOfMeansPgrIntervalsAndErrorStructureFromPerItemOutcomes()
    {
        // 16 test items per seed, the first 16·acc right: weak s0 8, s1 12; transfer s0 9, s1 11; ceiling 12 and 12.
        var metrics = EvaluateWith(Compile("seeds=[0,1]"), withOutcomes: true);
        var pair = Assert.Single(metrics["summary"]!["pairs"]!.AsArray())!;

        Assert.Equal(0.0, (double)pair["pgrRatioOfMeans"]!); // (0.625 − 0.625) / (0.75 − 0.625)
        Assert.Equal(0.0, (double)pair["gain"]!);
        // Weak-wrong items: s0 8..15 (the student right on 8), s1 12..15 (right on none): 1 of 12 corrected.
        Assert.Equal(1.0 / 12, (double)pair["errorCorrection"]!);
        Assert.Equal(11.0 / 12, (double)pair["weakWrongAgreement"]!);
        Assert.Equal(19.0 / 20, (double)pair["weakRightAccuracy"]!); // s0 8 of 8, s1 11 of 12
        Assert.Equal(16, (int)pair["testItems"]!);
        Assert.Equal("[1]", pair["constantStudentSeeds"]!.ToJsonString()); // the s1 student predicts class 1 for everything
        // Seed 1 has no gap: every resample that draws it twice has none, far more than 2.5% of them.
        Assert.Null(pair["pgrCi"]);
        Assert.Matches(@"^ceiling <= weak in \d+ of 2000 resamples \(> 2\.5%\): the PGR is unbounded$", (string)pair["pgrCiNote"]!);
        var gain = pair["gainCi"]!.AsArray().Select(v => (double)v!).ToList();
        Assert.True(gain[0] < 0 && gain[1] > 0, pair["gainCi"]!.ToJsonString());

        // The chain's final model (s0 10, s1 13 right) against the same weak model and the large ceiling.
        var chain = Assert.Single(metrics["summary"]!["bootstrap"]!.AsArray())!;
        Assert.Equal(0.75, (double)chain["pgrRatioOfMeans"]!); // (0.71875 − 0.625) / 0.125
        Assert.Equal(0.09375, (double)chain["gain"]!);
        Assert.Equal(3.0 / 12, (double)chain["errorCorrection"]!); // of the 12 weak-wrong items, s0's 8 and 9 and s1's 12
        Assert.Equal("[]", chain["constantStudentSeeds"]!.ToJsonString());

        // The same outcomes give the same bytes.
        Assert.Equal(metrics.ToJsonString(), EvaluateWith(Compile("seeds=[0,1]"), withOutcomes: true).ToJsonString());
    }

    /// <summary>Runs the evaluate stage over fixed per-stage metrics (seed 1 shifted so that it has no gap).</summary>
    static JsonObject EvaluateWith(Plan plan, bool withOutcomes = false)
    {
        static string S1(string id) => id.Replace("/s0", "/s1");
        var acc = new Dictionary<string, double>
        {
            ["weak/small/s0"] = 0.5, ["ceiling/large/s0"] = 0.75, ["transfer/small->large/xent/s0"] = 0.5625,
            [Step1] = 0.5, [Step2] = 0.625, ["ceiling/mid/s0"] = 0.625,
            ["weak/small/s1"] = 0.75, ["ceiling/large/s1"] = 0.75, ["transfer/small->large/xent/s1"] = 0.6875,
            [S1(Step1)] = 0.5, [S1(Step2)] = 0.8125, ["ceiling/mid/s1"] = 0.625,
        };
        var train2 = new Dictionary<string, double>
        {
            ["label/small/s0"] = 0.5, [Step1] = 0.25, [Step2] = 0.375, ["label/small/s1"] = 0.5, [S1(Step1)] = 0.25, [S1(Step2)] = 0.375,
        };
        // Each stage's metrics as its executor's typed record would write them.
        JsonObject Metrics(Stage s) => s.Kind switch
        {
            StageKind.Label => new LabelMetrics(train2[s.Id], PositiveRate: 0.5).ToJson(),
            StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap => new TrainMetrics
            {
                TestAcc = acc[s.Id], TrainExamples = 0, Steps = 0, Evaluations = [new CurvePoint(0, acc[s.Id])],
                Train2Acc = train2.TryGetValue(s.Id, out var t) ? t : null,
                // The first 16·acc of 16 test items right; the s1 transfer is a constant predictor.
                TestCorrect = withOutcomes ? ItemOutcomes.Encode(Enumerable.Range(0, 16).Select(i => i < acc[s.Id] * 16).ToArray()) : null,
                TestItems = withOutcomes ? 16 : null,
                TestPositiveRate = withOutcomes ? (s.Id == "transfer/small->large/xent/s1" ? 1.0 : 0.5) : null,
            }.ToJson(),
            _ => new JsonObject(),
        };
        var done = plan.Stages.ToDictionary(s => s.Id, s => new ExecutedStage(s, new StageOutput(s.Key, s.Kind.ToString(),
            new Dictionary<string, ContentRef>(), Metrics(s)), false, TimeSpan.Zero, new JsonObject()));
        var work = Directory.CreateTempSubdirectory("w2s-boot-eval-").FullName;
        try
        {
            return Evaluation.Evaluate(plan["evaluate"], new StageInputs(new ContentStore(work), done), work).Metrics;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

/// <summary>The tiny bootstrap experiment run for real: what each step trained on, what it wrote, what the record reports.</summary>
[Collection(TrainingRunsCollection.Name)]
public class BootstrapRunTests(BootstrapRunFixture run) : IClassFixture<BootstrapRunFixture>
{
    const string Step1 = BootstrapPlanTests.Step1, Step2 = BootstrapPlanTests.Step2;

    [Fact]
    public void ARunEndsWithEveryChainStepAndTheChainInTheRecordSummary()
    {
        var ids = run.Record.Hashed["stages"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
        Assert.Equal(12, ids.Count);
        Assert.Contains(Step2, ids);
        var chain = Assert.Single(run.Record.Hashed["metrics"]!["summary"]!["bootstrap"]!.AsArray())!;
        Assert.Equal(Acc("weak/small/s0"), (double)chain["weakAcc"]!);
        Assert.Equal(Acc(Step2), (double)chain["bootstrapAcc"]!);
        Assert.Equal(Acc("ceiling/large/s0"), (double)chain["ceilingAcc"]!);
        Assert.Equal(Acc("transfer/small->large/xent/s0"), (double)chain["directTransferAcc"]!);
        double weak = Acc("weak/small/s0"), ceiling = Acc("ceiling/large/s0");
        if (ceiling > weak)
            Assert.Equal((Acc(Step2) - weak) / (ceiling - weak), (double)chain["pgrMedian"]!, 12);
        else
            Assert.Equal($"s0: ceiling {ceiling:0.####} <= weak {weak:0.####}: no gap to recover", (string)Assert.Single(chain["flagged"]!.AsArray())!);
    }

    [Fact]
    public void ThePgrTableShowsTheChainAsItsSupervisorsTeachingItsLastModel()
    {
        var chain = run.Record.Hashed["metrics"]!["summary"]!["bootstrap"]![0]!;
        var row = Assert.Single(run.Pgr, r => r.Weak == "small->mid");
        Assert.Equal(("large", "xent", "final"), (row.Strong, row.Loss, row.Checkpoint));
        Assert.Equal((double)chain["bootstrapAcc"]!, row.TransferAcc);
        Assert.Equal(Acc("weak/small/s0"), row.WeakAcc);
    }

    [Fact]
    public void EachStepTrainsOnExactlyTheTrain2LabelsItsPredecessorWrote()
    {
        var train2 = Items(Output("data/s0", "train2"));
        foreach (var (step, teacher) in new[] { (Step1, "label/small/s0"), (Step2, Step1) })
        {
            // The record ties the step to its teacher's output by key; the teacher's labels are train2, item for item.
            Assert.Equal((string)Stage(teacher)["key"]!, (string)Stage(step)["inputs"]![teacher]!);
            var labels = Items(Output(teacher, "labels"));
            Assert.Equal(train2.Select(i => (i.Id, i.Text, i.HardLabel)), labels.Select(i => (i.Id, i.Text, i.HardLabel)));
            Assert.Equal(labels.Count, (int)Stage(step)["metrics"]!["trainExamples"]!);
        }
        // Each step writes its own labels for the next model: three distinct files along the chain.
        Assert.Equal(3, new[] { Output("label/small/s0", "labels"), Output(Step1, "labels"), Output(Step2, "labels") }.Distinct().Count());
    }

    [Fact]
    public void EachStepsCheckpointIsWhatTrainingOnItsPredecessorsLabelsGivesAndNoOtherTeachers()
    {
        // Training is bit-reproducible in-process (same threads, same code), so retraining a step from its recorded
        // parameters on its predecessor's labels file must give the recorded checkpoint; a soft-label-blind trainer
        // or a step fed the wrong teacher would not separate the two teachers below.
        Assert.Equal(Output(Step1, "model").Sha256, Retrain(Step1, "label/small/s0", "pretrain/mid"));
        Assert.Equal(Output(Step2, "model").Sha256, Retrain(Step2, Step1, "pretrain/large"));
        Assert.NotEqual(Output(Step2, "model").Sha256, Retrain(Step2, "label/small/s0", "pretrain/large"));
    }

    string Retrain(string step, string teacher, string pretrain)
    {
        var p = Stage(step)["parameters"]!;
        T Read<T>(string name) => p[name].Deserialize<T>(ManifestJson.Options)!;
        var work = Directory.CreateTempSubdirectory("w2s-boot-retrain-").FullName;
        try
        {
            var result = FitAndTest.Run(new FitAndTest.Request(step, Read<ModelSpec>("model"), Read<TrainingSpec>("training"),
                Read<LossSpec>("loss"), (int)p["seed"]!, Items(Output(teacher, "labels")), Items(Output("data/s0", "test")),
                new ContentStore(run.Store).PathOf(Output(pretrain, "body").Sha256), "cpu", work), SilentProgress.Instance);
            return ContentStore.HashFile(result.Files["model"]).Sha256;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void EveryLabelsFileAlongTheChainHoldsSoftProbabilities()
    {
        foreach (var teacher in new[] { "label/small/s0", Step1, Step2 })
            Assert.All(Items(Output(teacher, "labels")), i =>
            {
                Assert.NotNull(i.SoftLabel);
                Assert.Equal(2, i.SoftLabel.Count);
                Assert.All(i.SoftLabel, p => Assert.InRange(p, 1e-6, 1 - 1e-6)); // not one-hot
                Assert.Equal(1.0, i.SoftLabel.Sum(), 5);
            });
    }

    [Fact]
    public async Task ASecondRunInAFreshStoreGivesTheSameRunKeyAndAWarmRerunIsAllCacheHits()
    {
        var fresh = await Reproduction.RunAsync(BootstrapPlanTests.Request(run.Experiment, run.Experiment.NewStore()), SilentProgress.Instance);
        Assert.Equal(run.RunKey, fresh.RunKey);
        var warm = await Reproduction.RunAsync(BootstrapPlanTests.Request(run.Experiment, run.Store), SilentProgress.Instance);
        Assert.Equal(run.RunKey, warm.RunKey);
        Assert.All(RunRecord.Read(warm.RecordPath).Provenance["stages"]!.AsArray(), s => Assert.True((bool)s!["cached"]!, $"{s["id"]} was recomputed"));
    }

    JsonObject Stage(string id) => run.Record.Hashed["stages"]!.AsArray().Single(s => (string)s!["id"]! == id)!.AsObject();

    double Acc(string id) => (double)Stage(id)["metrics"]!["testAcc"]!;

    ContentRef Output(string id, string name) => ContentRef.Parse((string)Stage(id)["outputs"]![name]!);

    IReadOnlyList<ClassificationItem> Items(ContentRef r) => UserData.ReadClassification(new ContentStore(run.Store).PathOf(r.Sha256));
}

/// <summary>The tiny bootstrap experiment run once for the class: a real store and record to inspect.</summary>
public sealed class BootstrapRunFixture : IAsyncLifetime
{
    internal TinyBootstrapExperiment Experiment { get; } = new();
    public string Store { get; private set; } = "";
    public string RunKey { get; private set; } = "";
    public RunRecord Record { get; private set; } = null!;
    public IReadOnlyList<PgrRow> Pgr { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Store = Experiment.NewStore();
        var result = await Reproduction.RunAsync(new ReproduceRequest
        {
            Experiment = TinyBootstrapExperiment.Id, ExperimentsDirectory = Experiment.ExperimentsDirectory,
            RunsDirectory = Experiment.RunsDirectory, StoreRoot = Store, Threads = 2,
        }, SilentProgress.Instance);
        RunKey = result.RunKey;
        Pgr = result.Pgr;
        Record = RunRecord.Read(result.RecordPath);
    }

    public Task DisposeAsync()
    {
        Experiment.Dispose();
        return Task.CompletedTask;
    }
}
