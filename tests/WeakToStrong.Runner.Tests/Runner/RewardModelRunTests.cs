using WeakToStrong.Runner.Tests.Audit;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// The reward-modelling setting end to end on a tiny real run (definitions-preference pairs from WordNet, two tiny
/// GPT-2 reward models, Bradley–Terry): weak soft preferences, a student trained on them, pairwise accuracies and
/// a PGR row, reproducible from a fresh store.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class RewardModelRunTests(RewardModelRunFixture run) : IClassFixture<RewardModelRunFixture>
{
    internal const string Transfer = "transfer/weak->strong/bradley-terry/s0";

    [Fact]
    public void TheDataStageWritesPreferencePairsPresentedInBothOrders()
    {
        var train2 = Pairs(Output("data/s0", "train2"));
        Assert.Equal(64, train2.Count);
        Assert.All(train2, p => Assert.Null(p.SoftPreference));
        var rate = Stage("data/s0")["metrics"]!["chosenFirstRate"]!;
        Assert.Equal(Math.Round(train2.Count(p => PairOrder.ChosenFirst(p, 0)) / 64.0, 6), (double)rate["train2"]!);
        Assert.InRange((double)rate["train2"]!, 0.25, 0.75);
    }

    [Fact]
    public void TheLabelStageWritesASoftPreferenceInZeroToOneForEveryTrain2Test2AndValidationPair()
    {
        var train2 = Pairs(Output("data/s0", "train2"));
        var labels = Pairs(Output("label/weak/s0", LabelStage.Labels));
        Assert.Equal(train2.Select(p => (p.Id, p.Prompt, p.Chosen, p.Rejected)), labels.Select(p => (p.Id, p.Prompt, p.Chosen, p.Rejected)));
        Assert.All(labels, p => Assert.InRange(p.SoftPreference!.Value, 1e-6, 1 - 1e-6));
        Assert.True(labels.Select(p => p.SoftPreference).Distinct().Count() > 1, "every pair got the same preference");
        Assert.Equal(64, Pairs(Output("label/weak/s0", LabelStage.TestLabels)).Count(p => p.SoftPreference is > 0 and < 1));
        Assert.Equal(32, Pairs(Output("label/weak/s0", LabelStage.ValidationLabels)).Count(p => p.SoftPreference is > 0 and < 1));
        Assert.InRange((double)Stage("label/weak/s0")["metrics"]!["train2Acc"]!, 0, 1);
    }

    [Fact]
    public void TheStudentsCheckpointIsWhatTrainingOnTheWeakSoftPreferencesGivesNotOnGroundTruth()
    {
        // In-process training is bit-reproducible, so retraining from the recorded parameters on the labels file
        // must give the recorded checkpoint, and training on train2's ground truth must not.
        Assert.Equal(Output(Transfer, "model").Sha256, Retrain(Output("label/weak/s0", LabelStage.Labels)));
        Assert.NotEqual(Output(Transfer, "model").Sha256, Retrain(Output("data/s0", "train2")));
        Assert.Equal(64, (int)Stage(Transfer)["metrics"]!["trainExamples"]!);
    }

    string Retrain(ContentRef trainFile)
    {
        var p = Stage(Transfer)["parameters"]!;
        T Read<T>(string name) => p[name].Deserialize<T>(ManifestJson.Options)!;
        var work = Directory.CreateTempSubdirectory("w2s-rm-retrain-").FullName;
        try
        {
            ExampleSet Examples(ContentRef r) => ExampleSet.Read(Setting.RewardModel, Path(r), runSeed: 0);
            var result = FitAndTest.Run(new FitAndTest.Request(Transfer, Read<ModelSpec>("model"), Read<TrainingSpec>("training"),
                Read<LossSpec>("loss"), (int)p["seed"]!, Examples(trainFile), Examples(Output("data/s0", "test")),
                Path(Output("pretrain/strong", "body")), "cpu", work), SilentProgress.Instance);
            return ContentStore.HashFile(result.Files["model"]).Sha256;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void EveryTrainedStageReportsPairwiseAccuracyAndTheStudentItsAgreement()
    {
        foreach (var id in new[] { "weak/weak/s0", "ceiling/strong/s0", Transfer })
            Assert.InRange((double)Stage(id)["metrics"]!["testAcc"]!, 0, 1);
        var student = Stage(Transfer)["metrics"]!;
        Assert.InRange((double)student["agreement"]!, 0, 1);
        Assert.NotNull(student["earlyStopping"]!["weak-agreement"]);
        Assert.Equal("bradley-terry", (string)Stage(Transfer)["parameters"]!["loss"]!["name"]!);
    }

    [Fact]
    public void TheEvaluateStageGivesOnePgrRowForTheBradleyTerryStudent()
    {
        var row = Assert.Single(run.Pgr, r => r.Checkpoint == "final");
        Assert.Equal(("weak", "strong", "bradley-terry", 1), (row.Weak, row.Strong, row.Loss, row.Seeds));
        Assert.Equal((double)Stage("weak/weak/s0")["metrics"]!["testAcc"]!, row.WeakAcc);
        Assert.Equal((double)Stage("ceiling/strong/s0")["metrics"]!["testAcc"]!, row.CeilingAcc);
        Assert.Equal((double)Stage(Transfer)["metrics"]!["testAcc"]!, row.TransferAcc);
        var evaluated = Assert.Single(Stage("evaluate")["metrics"]!["runs"]!.AsArray())!;
        Assert.Equal(row.TransferAcc, (double)evaluated["transferAcc"]!);
    }

    [Fact]
    public async Task ARerunInAFreshStoreGivesTheSameRunKey()
    {
        var again = await Reproduction.RunAsync(RewardModelRunFixture.Request(run.Experiment, run.Experiment.NewStore()), SilentProgress.Instance);
        Assert.Equal(run.RunKey, again.RunKey);
    }

    JsonObject Stage(string id) => run.Record.Hashed["stages"]!.AsArray().Single(s => (string)s!["id"]! == id)!.AsObject();

    ContentRef Output(string id, string name) => ContentRef.Parse((string)Stage(id)["outputs"]![name]!);

    string Path(ContentRef r) => new ContentStore(run.Store).PathOf(r.Sha256);

    IReadOnlyList<PairwiseItem> Pairs(ContentRef r) => UserData.ReadPairwise(Path(r));
}

/// <summary>The tiny experiment switched to reward modelling (with a validation split and weak-agreement early stopping), run once.</summary>
public sealed class RewardModelRunFixture : IAsyncLifetime
{
    internal static string ToRewardModel(string manifest) => manifest
        .Replace("\"version\": \"0.0.1\",", "\"version\": \"0.0.1\",\n  \"setting\": \"reward-model\",", StringComparison.Ordinal)
        .Replace("\"task\": \"definitions\"", "\"task\": \"definitions-preference\"", StringComparison.Ordinal)
        .Replace("\"test\": 64 }", "\"test\": 64, \"validation\": 32 }", StringComparison.Ordinal)
        .Replace("\"maxCtx\": 32 }", "\"maxCtx\": 32, \"evalEvery\": 2, \"earlyStopping\": [\"weak-agreement\"] }", StringComparison.Ordinal)
        .Replace("[ { \"name\": \"xent\" }, { \"name\": \"logconf\" } ]", "[ { \"name\": \"bradley-terry\" } ]", StringComparison.Ordinal);

    internal static ReproduceRequest Request(TinyExperiment e, string store) => new()
    {
        Experiment = "tiny", ExperimentsDirectory = e.ExperimentsDirectory, RunsDirectory = e.RunsDirectory,
        StoreRoot = store, Threads = 2, Seeds = [],
    };

    internal TinyExperiment Experiment { get; } = new(ToRewardModel);
    public string Store { get; private set; } = "";
    public string RunKey { get; private set; } = "";
    public RunRecord Record { get; private set; } = null!;
    public IReadOnlyList<PgrRow> Pgr { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Store = Experiment.NewStore();
        var result = await Reproduction.RunAsync(Request(Experiment, Store), SilentProgress.Instance);
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
