using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Tests.Statistics;

/// <summary>Accuracies are dyadic fractions so every PGR below is exact in floating point.</summary>
public class PgrStatisticsTests
{
    private static readonly RunAccuracies[] Runs =
    [
        new("a", "b", "xent", 0, 0.5, 0.75, 0.625),    // PGR 0.5
        new("a", "b", "xent", 1, 0.5, 0.75, 0.6875),   // 0.75
        new("a", "b", "xent", 2, 0.5, 0.75, 0.5625),   // 0.25
        new("b", "c", "xent", 0, 0.5, 0.5, 0.625),     // ceiling <= weak: excluded
        new("b", "c", "xent", 1, 0.5, 0.75, 0.75),     // 1.0
        new("a", "b", "logconf", 0, 0.5, 0.75, 0.4375), // -0.25
        new("b", "b", "logconf", 0, 0.5, 0.75, 0.75),  // same model: excluded
    ];

    [Theory]
    [InlineData(0.5, 0.75, 0.625, 0.5)]
    [InlineData(0.5, 0.75, 0.875, 1.5)]
    [InlineData(0.5, 0.75, 0.25, -1.0)]
    public void Pgr_is_the_fraction_of_the_gap_recovered(double weak, double ceiling, double transfer, double expected) =>
        Assert.Equal(expected, PgrStatistics.Pgr(weak, ceiling, transfer));

    [Theory]
    [InlineData(0.75, 0.75)]
    [InlineData(0.75, 0.5)]
    public void Pgr_is_undefined_when_the_ceiling_does_not_beat_the_weak_model(double weak, double ceiling) =>
        Assert.Null(PgrStatistics.Pgr(weak, ceiling, 0.9));

    [Fact]
    public void Per_pair_median_mean_and_standard_error_over_seeds()
    {
        var pair = PgrStatistics.Summarize(Runs).Pairs[0];
        Assert.Equal(("a", "b", "xent"), (pair.Weak, pair.Strong, pair.Loss));
        Assert.Equal(3, pair.Stats.Count);
        Assert.Equal(0.5, pair.Stats.Median);
        Assert.Equal(0.5, pair.Stats.Mean);
        // sample sd of {0.5, 0.75, 0.25} is 0.25; SE = 0.25 / sqrt(3)
        Assert.Equal(0.25 / Math.Sqrt(3), pair.Stats.StandardError!.Value, 15);
        Assert.Empty(pair.ExcludedSeeds);
    }

    [Fact]
    public void Flagged_runs_are_listed_and_left_out_of_the_statistics()
    {
        var s = PgrStatistics.Summarize(Runs);
        var bc = s.Pairs.Single(p => p.Weak == "b" && p.Strong == "c");
        Assert.Equal([0], bc.ExcludedSeeds);
        Assert.Equal(new PgrStats(1, 1.0, 1.0, null), bc.Stats);
        Assert.Equal(["ceiling 0.5 <= weak 0.5: no gap to recover", "weak and strong are the same model"],
            s.Excluded.Select(r => r.ExcludedBecause));
        Assert.Equal(new PgrStats(0, null, null, null), s.Pairs.Single(p => p.Weak == "b" && p.Strong == "b").Stats);
    }

    [Fact]
    public void Per_loss_median_pools_every_valid_pair_and_seed()
    {
        var losses = PgrStatistics.Summarize(Runs).Losses;
        Assert.Equal(["xent", "logconf"], losses.Select(l => l.Loss));
        // xent valid runs: 0.5, 0.75, 0.25, 1.0 → median (0.5 + 0.75) / 2, mean 2.5 / 4
        Assert.Equal((4, 0.625, 0.625), (losses[0].Stats.Count, losses[0].Stats.Median!.Value, losses[0].Stats.Mean!.Value));
        Assert.Equal(new PgrStats(1, -0.25, -0.25, null), losses[1].Stats);
    }

    [Fact]
    public void Empty_input_gives_empty_summaries() =>
        Assert.Empty(PgrStatistics.Summarize([]).Pairs);
}

/// <summary>The reference's notebook: baselines averaged over seeds first, every run measured against the means.</summary>
public class SeedMeanBaselineTests
{
    [Fact]
    public void Each_model_accuracy_is_averaged_over_its_seeds_and_counted_once_per_seed()
    {
        RunAccuracies[] runs =
        [
            new("a", "b", "xent", 0, 0.5, 0.75, 0.625),
            new("a", "b", "xent", 1, 0.25, 1.0, 0.625),
            new("a", "b", "logconf", 0, 0.5, 0.75, 0.75),   // repeats (a, s0) and (b, s0): must not weigh twice
            new("a", "c", "xent", 1, 0.25, 0.5, 0.5),
        ];
        var moved = PgrStatistics.WithSeedMeanBaselines(runs);
        Assert.Equal([0.375, 0.375, 0.375, 0.375], moved.Select(r => r.WeakAcc));       // (0.5 + 0.25) / 2
        Assert.Equal([0.875, 0.875, 0.875, 0.5], moved.Select(r => r.CeilingAcc));     // b: (0.75 + 1.0) / 2; c: one seed
        Assert.Equal(runs.Select(r => r.TransferAcc), moved.Select(r => r.TransferAcc));
        Assert.Equal(0.5, PgrStatistics.Evaluate(moved[0]).Pgr);                         // (0.625 − 0.375) / (0.875 − 0.375)
    }

    [Fact]
    public void Validity_is_judged_on_the_means_not_on_the_seed()
    {
        // Seed 0's own ceiling is below its weak model, but the means leave a gap: the run counts.
        RunAccuracies[] runs = [new("a", "b", "xent", 0, 0.75, 0.5, 0.75), new("a", "b", "xent", 1, 0.25, 1.0, 0.75)];
        Assert.Null(PgrStatistics.Evaluate(runs[0]).Pgr);
        var moved = PgrStatistics.WithSeedMeanBaselines(runs);
        Assert.Equal(1.0, PgrStatistics.Evaluate(moved[0]).Pgr);                         // means 0.5 and 0.75: (0.75 − 0.5) / (0.75 − 0.5)
    }
}
