using WeakToStrong.Runner.Tests.Audit;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Statistics;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// The noisy-truth control supervisor (issue 25) end to end on the tiny experiment, its weak model replaced by
/// flip0.3 ground truth: the weak stage trains nothing and scores exactly 1 − round(0.3·64)/64 = 45/64 on test, the
/// label stage's train2 labels are exactly as accurate (hard one-hot labels, 19 of 64 flipped), its test labels are
/// the ones the weak stage scored, and the evaluate stage gives PGR rows for the tiny GPT-2 student. Both settings.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class NoisyTruthRunTests(NoisyTruthRunFixture run) : IClassFixture<NoisyTruthRunFixture>
{
    [Fact]
    public void The_weak_stage_trains_nothing_and_scores_exactly_one_minus_the_flipped_share() =>
        NoisyTruthAssert.WeakStage(run.Result, Setting.Classification);

    [Fact]
    public void The_train2_test_and_validation_labels_are_hard_ground_truth_with_exactly_round_f_n_flipped() =>
        NoisyTruthAssert.Labels(run.Result, Setting.Classification);

    [Fact]
    public void The_evaluate_stage_gives_a_pgr_row_per_loss_against_the_noisy_supervisor() =>
        NoisyTruthAssert.PgrRows(run.Result, ["xent"]);
}

/// <summary>The same supervisor in the reward-model setting: a preference's truth is flipped like a class's.</summary>
[Collection(TrainingRunsCollection.Name)]
public class NoisyTruthRewardModelRunTests(NoisyTruthRewardModelRunFixture run) : IClassFixture<NoisyTruthRewardModelRunFixture>
{
    [Fact]
    public void The_weak_stage_trains_nothing_and_scores_exactly_one_minus_the_flipped_share() =>
        NoisyTruthAssert.WeakStage(run.Result, Setting.RewardModel);

    [Fact]
    public void The_train2_test_and_validation_preferences_are_hard_truth_with_exactly_round_f_n_flipped() =>
        NoisyTruthAssert.Labels(run.Result, Setting.RewardModel);

    [Fact]
    public void The_evaluate_stage_gives_a_pgr_row_for_the_bradley_terry_student() =>
        NoisyTruthAssert.PgrRows(run.Result, ["bradley-terry"]);
}

/// <summary>One run of a tiny noisy-truth experiment, what the tests read.</summary>
public sealed record NoisyTruthRun(string Store, RunRecord Record, IReadOnlyList<PgrRow> Pgr);

static class NoisyTruthAssert
{
    /// <summary>round(0.3 · 64) = 19 flipped of 64 (train2 and test both have 64 items; validation 32 → round(9.6) = 10).</summary>
    public const double Fraction = 0.3;
    const int Items = 64, Flipped = 19;
    const double Accuracy = 1 - (double)Flipped / Items; // 45/64 = 0.703125

    internal static string ToNoisyTruth(string manifest) => manifest
        .Replace("\"weak\": { \"family\": \"gpt2-local\", \"size\": \"w32-l1-h1\" }", "\"weak\": { \"family\": \"noisy-truth\", \"size\": \"flip0.3\" }", StringComparison.Ordinal)
        .Replace("[ { \"name\": \"xent\" }, { \"name\": \"logconf\" } ]", "[ { \"name\": \"xent\" } ]", StringComparison.Ordinal);

    internal static async Task<NoisyTruthRun> Run(TinyExperiment experiment)
    {
        var store = experiment.NewStore();
        var result = await Reproduction.RunAsync(new ReproduceRequest
        {
            Experiment = "tiny", ExperimentsDirectory = experiment.ExperimentsDirectory, RunsDirectory = experiment.RunsDirectory,
            StoreRoot = store, Threads = 2, Seeds = [],
        }, SilentProgress.Instance);
        return new NoisyTruthRun(store, RunRecord.Read(result.RecordPath), result.Pgr);
    }

    public static void WeakStage(NoisyTruthRun run, Setting setting)
    {
        Assert.Equal(Flipped, (int)Math.Round(Fraction * Items, MidpointRounding.AwayFromZero));
        var weak = Stage(run, "weak/weak/s0");
        var m = weak["metrics"]!;
        Assert.Equal(0.703125, (double)m["testAcc"]!);
        Assert.Equal((0, 0, 64), ((int)m["steps"]!, (int)m["trainExamples"]!, (int)m["testItems"]!));
        var point = Assert.Single(m["evaluations"]!.AsArray())!;
        Assert.Equal((0, Accuracy), ((int)point["step"]!, (double)point["testAcc"]!));

        // The per-item outcomes are the weak stage's test labels against ground truth, as StageEvaluator counts them.
        var correct = ItemOutcomes.Decode((string)m["testCorrect"]!, Items);
        Assert.Equal(Items - Flipped, correct.Count(c => c));
        var (truth, labels) = Split(run, setting, "test", LabelStage.TestLabels);
        Assert.Equal(Enumerable.Range(0, Items).Select(i => ReferenceAccuracy.ArgMax(labels[i]) == ReferenceAccuracy.ArgMax(truth[i])), correct);
        Assert.Equal(labels.Count(q => ReferenceAccuracy.ArgMax(q) == 1) / (double)Items, (double)m["testPositiveRate"]!);

        // The "model" is the rule, not a network: its fraction and seed.
        var model = JsonNode.Parse(File.ReadAllText(PathOf(run, Output(run, "weak/weak/s0", "model"))))!;
        Assert.Equal(("noisy-truth", 0.3, 0), ((string)model["family"]!, (double)model["fraction"]!, (int)model["seed"]!));
    }

    public static void Labels(NoisyTruthRun run, Setting setting)
    {
        var (truth, labels) = Split(run, setting, "train2", LabelStage.Labels);
        Assert.Equal(Items, labels.Count);
        Assert.All(labels, q => Assert.True(q is [0f, 1f] or [1f, 0f], $"not a hard label: [{string.Join(", ", q)}]"));
        int wrong = Enumerable.Range(0, Items).Count(i => ReferenceAccuracy.ArgMax(labels[i]) != ReferenceAccuracy.ArgMax(truth[i]));
        Assert.Equal(Flipped, wrong);
        Assert.Equal(0.703125, (double)Stage(run, "label/weak/s0")["metrics"]!["train2Acc"]!);

        // Test: exactly the labels the weak stage scored; a different draw from train2's.
        var (testTruth, testLabels) = Split(run, setting, "test", LabelStage.TestLabels);
        var testWrong = Enumerable.Range(0, Items).Where(i => ReferenceAccuracy.ArgMax(testLabels[i]) != ReferenceAccuracy.ArgMax(testTruth[i])).ToList();
        Assert.Equal(Flipped, testWrong.Count);
        Assert.NotEqual(Enumerable.Range(0, Items).Where(i => ReferenceAccuracy.ArgMax(labels[i]) != ReferenceAccuracy.ArgMax(truth[i])), testWrong);

        if (setting == Setting.RewardModel)
        {
            var (validationTruth, validationLabels) = Split(run, setting, "validation", LabelStage.ValidationLabels);
            Assert.Equal(32, validationLabels.Count);
            Assert.Equal(10, Enumerable.Range(0, 32).Count(i => ReferenceAccuracy.ArgMax(validationLabels[i]) != ReferenceAccuracy.ArgMax(validationTruth[i])));
        }
    }

    public static void PgrRows(NoisyTruthRun run, IReadOnlyList<string> losses)
    {
        var rows = run.Pgr.Where(r => r.Checkpoint == "final").ToList();
        Assert.Equal(losses, rows.Select(r => r.Loss));
        foreach (var row in rows)
        {
            Assert.Equal(("weak", "strong", 1), (row.Weak, row.Strong, row.Seeds));
            Assert.Equal(Accuracy, row.WeakAcc);
            Assert.Equal((double)Stage(run, "ceiling/strong/s0")["metrics"]!["testAcc"]!, row.CeilingAcc);
            Assert.Equal((double)Stage(run, $"transfer/weak->strong/{row.Loss}/s0")["metrics"]!["testAcc"]!, row.TransferAcc);
            // PGR is defined only above the weak model (PgrStatistics); the tiny GPT-2 ceiling may well be below 45/64.
            if (row.CeilingAcc > row.WeakAcc)
                Assert.Equal((row.TransferAcc - row.WeakAcc) / (row.CeilingAcc - row.WeakAcc), row.Pgr, 12);
            else
                Assert.True(double.IsNaN(row.Pgr), $"PGR {row.Pgr} with ceiling {row.CeilingAcc} <= weak {row.WeakAcc}");
        }
        Assert.NotEmpty(Stage(run, "evaluate")["metrics"]!["runs"]!.AsArray());
    }

    /// <summary>A data split's ground truth and the label stage's labels of it, item by item (ids checked).</summary>
    static (IReadOnlyList<float[]> Truth, IReadOnlyList<float[]> Labels) Split(NoisyTruthRun run, Setting setting, string split, string labelsOutput)
    {
        var data = ExampleSet.Read(setting, PathOf(run, Output(run, "data/s0", split)), runSeed: 0);
        var labelled = ExampleSet.Read(setting, PathOf(run, Output(run, "label/weak/s0", labelsOutput)), runSeed: 0);
        Assert.Equal(Enumerable.Range(0, data.Count).Select(data.IdOf), Enumerable.Range(0, labelled.Count).Select(labelled.IdOf));
        return ([.. Enumerable.Range(0, data.Count).Select(data.Truth)],
            [.. Enumerable.Range(0, labelled.Count).Select(i => labelled.SupervisorLabel(i) ?? throw new InvalidOperationException($"item {i} has no label"))]);
    }

    static JsonObject Stage(NoisyTruthRun run, string id) =>
        run.Record.Hashed["stages"]!.AsArray().Single(s => (string)s!["id"]! == id)!.AsObject();

    static ContentRef Output(NoisyTruthRun run, string id, string name) => ContentRef.Parse((string)Stage(run, id)["outputs"]![name]!);

    static string PathOf(NoisyTruthRun run, ContentRef r) => new ContentStore(run.Store).PathOf(r.Sha256);
}

public sealed class NoisyTruthRunFixture : IAsyncLifetime
{
    readonly TinyExperiment experiment = new(NoisyTruthAssert.ToNoisyTruth);
    public NoisyTruthRun Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await NoisyTruthAssert.Run(experiment);

    public Task DisposeAsync()
    {
        experiment.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class NoisyTruthRewardModelRunFixture : IAsyncLifetime
{
    readonly TinyExperiment experiment = new(m => NoisyTruthAssert.ToNoisyTruth(RewardModelRunFixture.ToRewardModel(m)));
    public NoisyTruthRun Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await NoisyTruthAssert.Run(experiment);

    public Task DisposeAsync()
    {
        experiment.Dispose();
        return Task.CompletedTask;
    }
}
