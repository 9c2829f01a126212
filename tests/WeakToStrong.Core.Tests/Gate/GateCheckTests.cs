using WeakToStrong.Core.Gate;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Tests.Gate;

public class GateCheckTests
{
    static GateSnapshot Snap(double transfer, double? pgr = 0.5, string version = "1.0.0", int test = 1000) => new(
        "spam", version, "gate", [0], test, "ab12cd34ef56aa77",
        [new("weak.acc w64", 0.70), new("ceiling.acc minilm", 0.90), new("transfer.acc w64->minilm/xent", transfer), new("pgr.median w64->minilm/xent", pgr)]);

    static readonly Dictionary<string, GateTolerance> Tolerances = new()
    {
        ["weak.acc"] = new() { Abs = 0.02 }, ["ceiling.acc"] = new() { Abs = 0.02 },
        ["transfer.acc"] = new() { Abs = 0.03 }, ["pgr.median"] = new() { Abs = 0.25 },
    };

    [Fact]
    public void A_run_within_every_tolerance_passes()
    {
        var verdict = GateCheck.Compare(Snap(0.80), Snap(0.825, pgr: 0.62), Tolerances);
        Assert.True(verdict.Passed, string.Join("\n", verdict.Failures()));
        Assert.Equal(4, verdict.Rows.Count);
    }

    [Fact]
    public void A_moved_metric_fails_with_one_line_naming_experiment_metric_both_values_tolerance_and_run()
    {
        var verdict = GateCheck.Compare(Snap(0.80), Snap(0.76), Tolerances);
        Assert.False(verdict.Passed);
        Assert.Equal(
            "gate: spam transfer.acc w64->minilm/xent moved: snapshot 0.8000, now 0.7600 (Δ -0.0400), tolerance ±0.0300; audit: w2s audit --run ab12cd34ef56",
            Assert.Single(verdict.Failures()));
    }

    [Fact]
    public void The_tolerance_is_inclusive_and_adds_the_relative_part_of_the_snapshot_value()
    {
        var row = new GateRow("transfer.acc x", 0.80, 0.83, Abs: 0.01, Rel: 0.025);
        Assert.Equal(0.03, row.Tolerance!.Value, 12);
        Assert.True(row.Within);
        Assert.False(row with { Current = 0.8301 } is { Within: true });
    }

    [Fact]
    public void Two_undefined_pgrs_agree_and_one_undefined_against_a_number_does_not()
    {
        Assert.True(new GateRow("pgr.median x", null, null, 0.1, null).Within);
        Assert.False(new GateRow("pgr.median x", 0.3, null, 0.1, null).Within);
    }

    [Fact]
    public void A_missing_snapshot_fails_and_says_how_to_create_one()
    {
        var verdict = GateCheck.Compare(null, Snap(0.8), Tolerances);
        Assert.False(verdict.Passed);
        Assert.Contains("./build.sh AcceptSnapshots", Assert.Single(verdict.Failures()));
    }

    [Fact]
    public void A_new_version_a_vanished_metric_and_a_new_metric_each_fail_by_name()
    {
        var current = Snap(0.8, version: "1.1.0") with { Metrics = [.. Snap(0.8).Metrics.Take(3), new GateValue("agreement w64->minilm/xent", 0.9)] };
        var failures = GateCheck.Compare(Snap(0.8), current, Tolerances).Failures().ToList();
        Assert.Contains(failures, f => f.Contains("version 1.0.0, the manifest is 1.1.0"));
        Assert.Contains(failures, f => f.Contains("pgr.median w64->minilm/xent is in the snapshot but this run does not report it"));
        Assert.Contains(failures, f => f.Contains("agreement w64->minilm/xent is new"));
    }

    [Fact]
    public void A_metric_whose_family_has_no_tolerance_fails_rather_than_passing_unchecked()
    {
        var verdict = GateCheck.Compare(Snap(0.8), Snap(0.8), new Dictionary<string, GateTolerance> { ["weak.acc"] = new() { Abs = 0.02 } });
        Assert.Contains(verdict.Failures(), f => f.Contains("ceiling.acc minilm has no tolerance"));
    }

    [Fact]
    public void A_gap_under_five_standard_errors_fails_the_gate_on_a_gated_pgr_even_when_nothing_moved()
    {
        var thin = Snap(0.8, test: 100) with { Metrics = [new("weak.acc w64", 0.70), new("ceiling.acc minilm", 0.75), new("transfer.acc w64->minilm/xent", 0.72), new("pgr.median w64->minilm/xent", 0.4)] };
        var verdict = GateCheck.Compare(thin, thin, Tolerances);
        Assert.False(verdict.Passed);
        Assert.Contains("the weak-ceiling gap w64->minilm is 0.0500 = 0.8 SE (< 5 SE over 100 test items)", Assert.Single(verdict.Failures()));
    }

    [Fact]
    public void A_pair_gated_on_its_accuracies_alone_divides_by_no_gap_and_is_not_held_to_one()
    {
        var thin = Snap(0.8, test: 100) with { Metrics = [new("weak.acc w64", 0.70), new("ceiling.acc minilm", 0.75), new("transfer.acc w64->minilm/xent", 0.72)] };
        Assert.True(GateCheck.Compare(thin, thin, Tolerances).Passed);
        Assert.Empty(GapCheck.Of(thin));
    }

    [Fact]
    public void A_row_named_in_its_familys_rows_is_held_to_its_own_tolerance_and_a_row_not_named_fails_for_want_of_one()
    {
        var rows = new Dictionary<string, GateTolerance>
        {
            ["weak.acc"] = new() { Rows = new Dictionary<string, double> { ["w64"] = 0.005 } },
            ["ceiling.acc"] = new() { Abs = 0.1 },
            ["transfer.acc"] = new() { Abs = 0.5, Rows = new Dictionary<string, double> { ["w64->minilm/xent"] = 0.01 } },
            ["pgr.median"] = new() { Rows = new Dictionary<string, double> { ["other->minilm/xent"] = 1 } },
        };
        var moved = Snap(0.8) with { Metrics = [.. Snap(0.8).Metrics.Select(m => m.Metric == "weak.acc w64" ? m with { Value = 0.706 } : m)] };
        var verdict = GateCheck.Compare(Snap(0.8), moved with { Metrics = [.. moved.Metrics.Select(m => m.Family == "transfer.acc" ? m with { Value = 0.815 } : m)] }, rows);
        var failures = verdict.Failures().ToList();
        Assert.Contains(failures, f => f.Contains("weak.acc w64 moved") && f.Contains("tolerance ±0.0050"));
        Assert.Contains(failures, f => f.Contains("transfer.acc w64->minilm/xent moved") && f.Contains("tolerance ±0.0100"));
        Assert.Contains(failures, f => f.Contains("pgr.median w64->minilm/xent has no tolerance: the manifest's gate.pgr.median has no 'abs' and no row 'w64->minilm/xent'"));
        Assert.DoesNotContain(failures, f => f.Contains("ceiling.acc"));
    }
}

public class GapCheckTests
{
    [Fact]
    public void The_gap_is_measured_in_independent_proportion_standard_errors()
    {
        var g = new GapCheck("w", "s", 0.7, 0.9, 1000);
        Assert.Equal(Math.Sqrt(0.0003), g.StandardError, 12);
        Assert.Equal(0.2 / Math.Sqrt(0.0003), g.Sigmas, 9); // 11.547
        Assert.True(g.Enough);
        Assert.False(new GapCheck("w", "s", 0.7, 0.74, 1000).Enough); // 2.0 SE
    }
}
