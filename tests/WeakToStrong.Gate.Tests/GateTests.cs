using Newtonsoft.Json.Linq;
using Snapshooter;
using Snapshooter.Xunit;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gate;
using WeakToStrong.Runner.Gate;

namespace WeakToStrong.Gate.Tests;

/// <summary>
/// The PR gate (docs/gate.md): every bundled experiment at its gate scale, held to its committed snapshot in
/// experiments/__snapshots__ within the tolerances its manifest derives. Snapshooter pins the snapshot's shape exactly
/// (experiment, version, scale, seeds, test items, which metrics in which order); the values are held to their
/// tolerances by the gate itself, whose failure lines name experiment, metric, both values, tolerance and run.
/// </summary>
[Collection(GateCollection.Name)]
public sealed class GateTests
{
    public static TheoryData<string> Experiments() => [.. GateRun.Experiments()];

    [Theory, MemberData(nameof(Experiments))]
    public async Task Experiment_stays_within_its_snapshot_tolerances(string experiment)
    {
        var result = await GateRun.RunAsync([experiment], sabotage: GateRun.SabotageSwitch);
        GateRun.WriteTable(experiment, result);

        Assert.Empty(result.Errors);
        var outcome = Assert.Single(result.Outcomes);
        Assert.True(outcome.Verdict.Passed, string.Join("\n", outcome.Verdict.Failures()));
        Snapshot.Match(JObject.Parse(outcome.Current.ToJson().ToJsonString()),
            new SnapshotFullName(experiment + ".snap", GateRun.Repository.ExperimentsDirectory), // reads experiments/__snapshots__/
            o => o.IgnoreField("run").IgnoreField("values"));
    }

    [Fact]
    public void Every_bundled_experiment_is_gated_and_has_a_committed_snapshot()
    {
        var gated = GateRun.Experiments();
        Assert.Equal(["brown-genre", "chatgpt-rm", "fine-foods", "nlp-definitions", "nlp-hypernym", "nlp-spam"], gated);
        foreach (var id in gated)
            Assert.True(SnapshotFile.Read(GateVerb.SnapshotPath(GateRun.Repository.ExperimentsDirectory, id)) is not null, $"{id} has no snapshot");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GateCollection
{
    public const string Name = "gate";
}
