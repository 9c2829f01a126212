using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Tests.Results;

/// <summary>Which pairs are held to which interval width, and what a miss says (docs/results.md "Interval widths").</summary>
public class PowerTargetsTests
{
    static PairResult Pair(string strong, string loss, double weak, double ceiling, Interval? ci, params double[] pgrs) =>
        new("w", strong, loss, pgrs.Length, weak, weak, ceiling, null, PgrStats.Of(pgrs), 10, 10, [])
        {
            Bootstrap = new PairResamples(new PairBootstrap(pgrs.Length, 1000, weak, weak, ceiling, 0.5, ci, null, 0, new Interval(0, 0),
                null, null, null, null, 0), [], []),
        };

    static IReadOnlyList<PowerCheck> Checks(params PairResult[] pairs) =>
        PowerTargets.Of(new TaskResult(new TaskRecord("t", "cpu", "classification", "k", "", null, false, 1000, [])
        {
            ProbeModels = new HashSet<string>(["lp"]),
        }, pairs, [], []));

    [Fact]
    public void A_frozen_feature_pair_is_held_to_0_15_only_from_a_gap_of_0_10()
    {
        var checks = Checks(
            Pair("lp", "xent", 0.70, 0.82, new Interval(0.1, 0.5), 0.2, 0.3, 0.4),
            Pair("lp", "logconf", 0.70, 0.79, new Interval(-2, 2), 0.1));

        var check = Assert.Single(checks);
        Assert.Equal(("frozen features", 0.15, 0.2, false), (check.Arm, check.Target, check.HalfWidth!.Value, check.Met));
        Assert.Equal("3 seeds whose PGRs spread: mean ± SE 0.300 ± 0.058, on a gap of 0.120", check.Why);
    }

    [Fact]
    public void A_fine_tuned_pair_is_held_to_0_25_for_its_naive_loss_only()
    {
        var checks = Checks(
            Pair("ft", "xent", 0.70, 0.85, new Interval(0.3, 0.7), 0.5),
            Pair("ft", "logconf", 0.70, 0.85, new Interval(-1, 1), 0.5),
            Pair("rm", "bradley-terry", 0.60, 0.80, new Interval(0.0, 0.4), 0.2));

        Assert.Equal([("ft", "xent", true), ("rm", "bradley-terry", true)], checks.Select(c => (c.Pair.Strong, c.Pair.Loss, c.Met)));
        Assert.All(checks, c => Assert.Equal(("fine-tuning", 0.25, ""), (c.Arm, c.Target, c.Why)));
    }

    [Fact]
    public void An_unbounded_interval_misses_its_target_and_says_why()
    {
        var check = Assert.Single(Checks(Pair("ft", "xent", 0.70, 0.73, null, 0.5, -0.5)));

        Assert.Null(check.HalfWidth);
        Assert.False(check.Met);
        Assert.Equal("unbounded: in over 2.5 % of resamples the ceiling was not above the weak model (gap 0.030)", check.Why);
    }
}
