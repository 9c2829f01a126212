using WeakToStrong.Core.Gate;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Application.Gate;

namespace WeakToStrong.Runner.Tests.Gate;

public class GateTextTests
{
    static readonly GateSnapshot Snapshot = new("spam", "1.0.0", "gate", [0], 1000, "ab12cd34ef56aa77bb88",
        [new("weak.acc w64", 0.61), new("ceiling.acc minilm", 0.891), new("transfer.acc w64->minilm/xent", 0.68)]);

    static readonly Dictionary<string, GateTolerance> Tolerances = new()
    {
        ["weak.acc"] = new() { Abs = 0.03 }, ["ceiling.acc"] = new() { Abs = 0.03 }, ["transfer.acc"] = new() { Abs = 0.045 },
    };

    [Fact]
    public void A_failed_gate_prints_every_row_then_one_line_per_failure_then_the_verdict()
    {
        var now = Snapshot with { Metrics = [.. Snapshot.Metrics.Take(2), new("transfer.acc w64->minilm/xent", 0.601)] };
        var outcome = new GateOutcome(GateCheck.Compare(Snapshot, now, Tolerances), Snapshot, now, "experiments/__snapshots__/spam.snap", false);
        var lines = GateText.Render(new GateResult([outcome], [])).Split('\n');

        // No PGR row, so no gap to check: the header names none.
        Assert.Equal("gate spam 1.0.0 (run ab12cd34ef56, 1000 test items)", lines[0]);
        Assert.Matches(@"^  weak\.acc w64 +0\.6100 +0\.6100 +\+0\.0000 +±0\.0300  ok$", lines[2]);
        Assert.Matches(@"^  transfer\.acc w64->minilm/xent +0\.6800 +0\.6010 +-0\.0790 +±0\.0450  MOVED$", lines[4]);
        Assert.Equal("gate: spam transfer.acc w64->minilm/xent moved: snapshot 0.6800, now 0.6010 (Δ -0.0790), tolerance ±0.0450; audit: w2s audit --run ab12cd34ef56", lines[5]);
        Assert.Equal("gate: FAILED (1 of 1 experiments)", lines[6]);
    }

    [Fact]
    public void An_accepted_snapshot_prints_old_against_new_and_where_it_was_written()
    {
        var now = Snapshot with { Metrics = [.. Snapshot.Metrics.Take(2), new("transfer.acc w64->minilm/xent", 0.70)] };
        var outcome = new GateOutcome(GateCheck.Compare(Snapshot, now, Tolerances), Snapshot, now, "experiments/__snapshots__/spam.snap", Accepted: true);
        string text = GateText.Render(new GateResult([outcome], []));
        Assert.Matches(@"  transfer\.acc w64->minilm/xent +0\.6800 +0\.7000 +\+0\.0200 +accepted", text);
        Assert.Matches(@"  weak\.acc w64 +0\.6100 +0\.6100 +\+0\.0000 +same", text);
        Assert.Contains("  wrote experiments/__snapshots__/spam.snap", text);
        Assert.EndsWith("gate: accepted 1 snapshot(s)\n", text);
    }
}
