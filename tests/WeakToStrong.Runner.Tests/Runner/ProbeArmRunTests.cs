using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// The frozen-feature arm end to end on the tiny experiment (issue 25): a linear probe of the strong GPT-2 on more
/// seeds than the fine-tuned pair, a probe supervisor labelling from its own features, in both settings. Each probe's
/// stages, on every seed, read its one features stage, its checkpoints hold the head alone, and every pair gets a PGR row over
/// its own seeds.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class ProbeArmRunTests(ProbeArmRunFixture run) : IClassFixture<ProbeArmRunFixture>
{
    [Fact]
    public void Each_probe_has_one_features_stage_and_nothing_else_does() =>
        Assert.Equal(["features/probe", "features/weak-lp"],
            run.Stages(ProbeArmRunFixture.Classification).Where(s => (string)s["kind"]! == "features").Select(s => (string)s["id"]!).Order());

    [Fact]
    public void A_pair_runs_on_its_strong_models_seeds() => Assert.Equal(
        [("weak", "strong", 1), ("weak", "probe", 3), ("weak-lp", "probe", 3)],
        run.Pgr(ProbeArmRunFixture.Classification).Select(r => (r.Weak, r.Strong, r.Seeds)).Distinct());

    [Fact]
    public void A_probes_stages_read_its_features_and_a_probe_supervisors_labels_too() => Assert.All(
        run.Stages(ProbeArmRunFixture.Classification).Where(s => (string)s["kind"]! != "features"
            && (((string)s["id"]!).Contains("probe/") || ((string)s["id"]!).StartsWith("label/weak-lp", StringComparison.Ordinal))),
        s => Assert.Contains(s["inputs"]!.AsObject(), i => i.Key.StartsWith("features/", StringComparison.Ordinal)));

    [Fact]
    public void The_reward_model_probe_arm_gives_pairwise_accuracies_and_pgr_rows()
    {
        var rows = run.Pgr(ProbeArmRunFixture.RewardModel);
        // Distinct: the reward fixture's weak-agreement early stopping adds a row per pair beside the final checkpoint's.
        Assert.Equal([("weak", "strong", 1), ("weak", "probe", 3), ("weak-lp", "probe", 3)], rows.Select(r => (r.Weak, r.Strong, r.Seeds)).Distinct());
        Assert.All(rows, r => Assert.InRange(r.CeilingAcc, 0.0, 1.0));
        var ceiling = run.Stages(ProbeArmRunFixture.RewardModel).Single(s => (string)s["id"]! == "ceiling/probe/s2");
        Assert.InRange((double)ceiling["metrics"]!["testAcc"]!, 0.0, 1.0);
        Assert.True((int)ceiling["metrics"]!["steps"]! > 0);
    }
}

/// <summary>The tiny experiment with a probe arm, run once per setting.</summary>
public sealed class ProbeArmRunFixture : IAsyncLifetime
{
    public const string Classification = "classification", RewardModel = "reward-model";

    internal static string WithProbeArm(string manifest) => manifest
        .Replace("\"strong\": { \"family\": \"gpt2-local\", \"size\": \"w64-l1-h2\" }",
            "\"strong\": { \"family\": \"gpt2-local\", \"size\": \"w64-l1-h2\" },\n"
            + "    \"weak-lp\": { \"family\": \"gpt2-local\", \"size\": \"w32-l1-h1\", \"linearProbe\": true, \"training\": { \"lr\": 1e-2, \"batchSize\": 32, \"minibatchSize\": 32 } },\n"
            + "    \"probe\": { \"family\": \"gpt2-local\", \"size\": \"w64-l1-h2\", \"linearProbe\": true, \"seeds\": [0, 1, 2], \"training\": { \"lr\": 1e-2, \"epochs\": 5, \"batchSize\": 32, \"minibatchSize\": 32 } }",
            StringComparison.Ordinal)
        .Replace("\"seeds\": [0]\n", "\"seeds\": [0],\n  \"pairs\": [[\"weak\", \"strong\"], [\"weak\", \"probe\"], [\"weak-lp\", \"probe\"]]\n", StringComparison.Ordinal);

    readonly Dictionary<string, (RunRecord Record, IReadOnlyList<PgrRow> Pgr)> runs = [];
    readonly List<TinyExperiment> experiments = [];

    public IEnumerable<JsonObject> Stages(string setting) => runs[setting].Record.Hashed["stages"]!.AsArray().Select(s => s!.AsObject());

    public IReadOnlyList<PgrRow> Pgr(string setting) => runs[setting].Pgr;

    public async Task InitializeAsync()
    {
        foreach (var (setting, edit) in new (string, Func<string, string>)[]
                 {
                     (Classification, WithProbeArm),
                     (RewardModel, m => WithProbeArm(RewardModelRunFixture.ToRewardModel(m))),
                 })
        {
            var experiment = new TinyExperiment(edit);
            experiments.Add(experiment);
            var result = await Reproduction.RunAsync(RewardModelRunFixture.Request(experiment, experiment.NewStore()), SilentProgress.Instance);
            runs[setting] = (RunRecord.Read(result.RecordPath), result.Pgr);
        }
    }

    public Task DisposeAsync()
    {
        foreach (var e in experiments) e.Dispose();
        return Task.CompletedTask;
    }
}
