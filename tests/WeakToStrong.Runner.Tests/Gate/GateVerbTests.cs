using WeakToStrong.Core.Gate;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gate;
using WeakToStrong.Runner.Gate;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Gate;

/// <summary>The gate verb end to end on the tiny real experiment (its models are at chance, which the gate must notice).</summary>
public class GateVerbTests
{
    sealed class TinyGated() : Runner.TinyExperiment(m => m.Replace("\"seeds\": [0]", """
        "seeds": [0],
        "scales": { "gate": { "seeds": [0] } },
        "gate": { "weak.acc": { "abs": 0.01 }, "ceiling.acc": { "abs": 0.01 }, "transfer.acc": { "abs": 0.01 }, "agreement": { "abs": 0.01 }, "pgr.median": { "abs": 0.5 } }
        """));

    sealed class Silent : IRunProgress
    {
        public void StageStarted(string stageId, string kind, int index, int total) { }
        public void StageCached(string stageId, string kind, int index, int total) { }
        public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond) { }
        public void StageFinished(string stageId, TimeSpan elapsed, string summary) { }
        public void Info(string message) { }
    }

    static GateRequest Request(TinyGated t, string store, bool accept = false, bool sabotage = false) => new()
    {
        Template = new ReproduceRequest { Experiment = "", ExperimentsDirectory = t.ExperimentsDirectory, RunsDirectory = t.RunsDirectory, StoreRoot = store, Threads = 2 },
        Accept = accept,
        Sabotage = sabotage,
    };

    [Fact]
    public async Task The_gate_refuses_to_snapshot_noise_and_names_each_metric_that_moved_from_a_snapshot()
    {
        using var tiny = new TinyGated();
        string store = tiny.NewStore();

        var accept = await GateVerb.RunAsync(Request(tiny, store, accept: true), new Silent());
        Assert.Contains("not accepting a snapshot of noise", Assert.Single(accept.Errors).Error);
        Assert.False(File.Exists(GateVerb.SnapshotPath(tiny.ExperimentsDirectory, "tiny")));

        var first = Assert.Single((await GateVerb.RunAsync(Request(tiny, store), new Silent())).Outcomes);
        Assert.Contains(first.Verdict.Failures(), f => f.Contains("no committed snapshot"));
        Assert.Equal(["weak.acc weak", "ceiling.acc strong", "transfer.acc weak->strong/xent", "transfer.acc weak->strong/logconf",
                      "agreement weak->strong/xent", "agreement weak->strong/logconf", "pgr.median weak->strong/xent", "pgr.median weak->strong/logconf"],
            first.Current.Metrics.Select(m => m.Metric));

        var moved = first.Current with { Metrics = [.. first.Current.Metrics.Select(m => m.Metric == "weak.acc weak" ? m with { Value = m.Value + 0.5 } : m)] };
        SnapshotFile.Write(first.SnapshotPath, moved);
        var second = Assert.Single((await GateVerb.RunAsync(Request(tiny, store), new Silent())).Outcomes);
        Assert.Equal(first.Verdict.RunKey, second.Verdict.RunKey); // from the store: the same run
        var failures = second.Verdict.Failures().ToList();
        Assert.Contains(failures, f => f.StartsWith("gate: tiny weak.acc weak moved: snapshot ", StringComparison.Ordinal) && f.Contains("tolerance ±0.0100"));
        Assert.DoesNotContain(failures, f => f.Contains("ceiling.acc strong moved"));
        Assert.Contains(failures, f => f.Contains("the weak-ceiling gap weak->strong is"));
    }

    /// <summary>
    /// A damaged snapshot fails the gate in one line naming it; `--accept` reads past it as if none were committed
    /// (the tiny run's models are at chance, so accepting then stops at the noise check, before
    /// <see cref="SnapshotFile.Write"/> replaces the file: SnapshotFileTests shows that replacement).
    /// </summary>
    [Fact]
    public async Task A_damaged_snapshot_fails_the_gate_in_one_line_naming_it_and_accept_reads_past_it()
    {
        using var tiny = new TinyGated();
        string store = tiny.NewStore();
        string path = GateVerb.SnapshotPath(tiny.ExperimentsDirectory, "tiny");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{ \"experiment\": \"tiny\", \"metr");

        var gate = await GateVerb.RunAsync(Request(tiny, store), new Silent());
        var accept = await GateVerb.RunAsync(Request(tiny, store, accept: true), new Silent());

        Assert.Empty(gate.Outcomes);
        var (experiment, error) = Assert.Single(gate.Errors);
        Assert.Equal("tiny", experiment);
        Assert.StartsWith(path + ": not a gate snapshot (", error);
        Assert.EndsWith("); accept a new one", error);
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith("tiny: not accepting a snapshot of noise: ", Assert.Single(accept.Errors).Error);
    }

    [Fact]
    public async Task Sabotage_retrains_only_the_students()
    {
        using var tiny = new TinyGated();
        string store = tiny.NewStore();
        var honest = Assert.Single((await GateVerb.RunAsync(Request(tiny, store), new Silent())).Outcomes).Current;
        var sabotaged = Assert.Single((await GateVerb.RunAsync(Request(tiny, store, sabotage: true), new Silent())).Outcomes).Current;
        Assert.NotEqual(honest.Run, sabotaged.Run);
        double? Value(GateSnapshot s, string metric) => s.Metrics.Single(m => m.Metric == metric).Value;
        Assert.Equal(Value(honest, "weak.acc weak"), Value(sabotaged, "weak.acc weak"));
        Assert.Equal(Value(honest, "ceiling.acc strong"), Value(sabotaged, "ceiling.acc strong"));
    }

    [Fact]
    public async Task Deriving_over_seed_groups_each_on_its_own_pretrained_body_writes_each_rows_tolerance_and_counts_the_check_groups_false_alarms()
    {
        using var tiny = new TinyGated();
        var derivations = await GateDeriveVerb.RunAsync(Request(tiny, tiny.NewStore()), groups: 5, checks: 3, new Silent());

        var d = Assert.Single(derivations);
        Assert.Equal([0], d.Base.Seeds);
        Assert.Equal([[1], [2], [3], [4], [5]], d.Derivation.Select(g => g.Seeds));
        Assert.Equal([[6], [7], [8]], d.Checks.Select(g => g.Seeds));
        // The tiny plan pretrains its bodies, so each group pretrains its own: pretrain.seed 0 + g.
        Assert.Equal(0, d.Base.PretrainSeed);
        Assert.Equal([1, 2, 3, 4, 5], d.Derivation.Select(g => g.PretrainSeed));
        Assert.Equal([6, 7, 8], d.Checks.Select(g => g.PretrainSeed));
        // The tiny pair's gap is under 5 SE (the test above), so its PGR is not gated: no `pgr` tolerance.
        Assert.Equal(["weak.acc", "ceiling.acc", "transfer.acc", "agreement"], d.Tolerances.Select(t => t.Family));
        Assert.All(d.Spreads, s => Assert.Equal(5, s.GroupValues.Count));
        // Each group's own weak model and ceiling: other seeds, other splits, other accuracies.
        Assert.True(d.Spreads.Single(s => s.Metric == "weak.acc weak").Sd > 0);
        var gate = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(tiny.ExperimentsDirectory, "tiny.json")))!["gate"]!;
        foreach (var t in d.Tolerances)
        {
            foreach (var (subject, abs) in t.Rows)
            {
                Assert.Equal(abs, (double)gate[t.Family]!["rows"]![subject]!);
                Assert.Equal(ToleranceDerivation.Of(t.Family, d.Spreads.Single(s => s.Metric == $"{t.Family} {subject}").Sd), abs);
            }
            Assert.Contains("disjoint seed groups", (string)gate[t.Family]!["derivation"]!);
        }
        Assert.Equal(d.CheckVerdicts.Count(v => !v.Passed), d.FalseAlarms);
        Assert.Equal(3, d.CheckVerdicts.Count);
        Assert.Contains("each group on a body of its own (pretrain.seed 1–5)", (string)gate["weak.acc"]!["derivation"]!);
        await Assert.ThrowsAsync<UserError>(() => GateDeriveVerb.RunAsync(Request(tiny, tiny.NewStore()), groups: 3, checks: 3, new Silent()));
        await Assert.ThrowsAsync<UserError>(() => GateDeriveVerb.RunAsync(Request(tiny, tiny.NewStore()), groups: 5, checks: 0, new Silent()));
    }
}
