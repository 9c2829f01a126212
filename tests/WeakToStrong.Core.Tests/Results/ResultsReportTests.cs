using WeakToStrong.Core.Results;

namespace WeakToStrong.Core.Tests.Results;

/// <summary>The report's aggregation on <see cref="ResultsFixture"/>: per-pair statistics, SE distances, flags, pooling, findings.</summary>
public class ResultsReportTests
{
    static PairResult Pair(string task, string weak, string strong, string loss) =>
        ResultsFixture.Report.Tasks.Single(t => t.Record.Experiment == task).Pairs.Single(p => (p.Weak, p.Strong, p.Loss) == (weak, strong, loss));

    [Fact]
    public void A_pairs_pgr_is_the_median_and_mean_with_standard_error_over_its_seeds()
    {
        var pair = Pair("alpha", "s", "l", "xent");

        Assert.Equal((3, 0.5), (pair.Pgr.Count, pair.Pgr.Median));
        Assert.Equal(0.5833333333333334, pair.Pgr.Mean!.Value, 15);
        Assert.Equal(0.22047927592204924, pair.Pgr.StandardError!.Value, 15); // sample sd 0.381881 / sqrt(3)
        Assert.Equal(0.78, pair.WeakAcc, 15);
        Assert.Equal(0.98, pair.CeilingAcc, 15);
        Assert.Equal((0.875, 3), (pair.Agreement, pair.Seeds));
    }

    [Theory]
    [InlineData(0.78, 0.82, 2304, 4.8)]  // p 0.8: SE 0.4/48
    [InlineData(0.5, 0.78, 2304, 28.0)]  // p 0.64: SE 0.48/48
    [InlineData(0.68, 0.92, 2304, 28.8)]
    [InlineData(0.82, 0.78, 2304, -4.8)] // a ceiling below its weak model is a negative gap
    public void A_gap_is_measured_in_binomial_standard_errors_at_the_midpoint_accuracy(double lower, double upper, int n, double expected) =>
        Assert.Equal(expected, Significance.GapInSe(lower, upper, n), 12);

    [Fact]
    public void Pairs_under_five_SE_of_gap_or_of_weak_over_chance_are_flagged_with_the_distance()
    {
        Assert.Equal(["gap 4.8 SE (< 5)"], Pair("alpha", "s", "m", "xent").Flags);
        Assert.Equal(["weak 0.0 SE from chance (< 5)"], Pair("gamma", "t", "l", "xent").Flags);
        Assert.Empty(Pair("beta", "a", "b", "bradley-terry").Flags); // 5.60 SE gap, 5.16 SE above chance
        Assert.Equal(29.541957835039852, Pair("alpha", "s", "l", "xent").GapSe, 12);
    }

    [Fact]
    public void Seeds_without_pgr_flag_their_pair_once_per_reason()
    {
        var runs = new SeedRun[]
        {
            new("w", "s", "xent", 0, 0.6, 0.9, 0.75, null, 0.5),
            new("w", "s", "xent", 1, 0.6, 0.9, 0.75, null, null, "ceiling 0.6 <= weak 0.6: no gap to recover"),
            new("w", "s", "xent", 2, 0.6, 0.9, 0.75, null, null, "ceiling 0.6 <= weak 0.6: no gap to recover"),
            new("w", "s", "xent", 3, 0.6, 0.9, 0.75, null, null),
        };
        var pair = PairAggregation.Of(runs, 10_000).Single();

        Assert.Equal(["s1, s2: no PGR (ceiling 0.6 <= weak 0.6: no gap to recover)", "s3: no PGR (not measured)"], pair.Flags);
        Assert.Equal((1, 0.5, (double?)null), (pair.Pgr.Count, pair.Pgr.Median, pair.Agreement));
    }

    [Fact]
    public void Pooled_pgr_is_per_loss_the_median_over_unflagged_pairs_of_their_seed_medians()
    {
        var pooled = ResultsFixture.Report.Pooled.ToDictionary(p => p.Loss);

        Assert.Equal(["xent", "logconf", "bradley-terry"], ResultsFixture.Report.Pooled.Select(p => p.Loss)); // alpha first: tasks are sorted
        Assert.Equal((2, 0.375, 0.375), (pooled["xent"].Stats.Count, pooled["xent"].Stats.Median, pooled["xent"].Stats.Mean));
        Assert.Equal(0.125, pooled["xent"].Stats.StandardError!.Value, 15); // sd of {0.5, 0.25} is 0.125·sqrt(2)
        Assert.Equal(["alpha (cpu) s → l", "gamma (cpu) s → l"], pooled["xent"].Included);
        Assert.Equal(["alpha (cpu) s → m", "gamma (cpu) t → l"], pooled["xent"].Excluded);
        Assert.Equal(0.4375, pooled["logconf"].Stats.Median); // alpha s → l 0.75, gamma s → l 0.125
        Assert.Equal((1, -0.25), (pooled["bradley-terry"].Stats.Count, pooled["bradley-terry"].Stats.Median));
    }

    [Fact]
    public void A_pairs_ratio_of_means_pgr_and_gain_come_from_its_mean_accuracies_without_outcomes()
    {
        var pair = Pair("alpha", "s", "l", "xent"); // transfers 0.83, 0.88, 0.98: mean 0.89667

        Assert.Equal(0.58333333333333, pair.PgrRatioOfMeans!.Value, 12); // (0.89667 − 0.78) / (0.98 − 0.78)
        Assert.Equal(0.11666666666667, pair.Gain, 12);
        Assert.Null(pair.Bootstrap); // these records have no per-item outcomes
    }

    [Fact]
    public void The_findings_are_counts_and_means_over_unflagged_pairs_and_undecided_without_outcomes()
    {
        var f = ResultsFixture.Report.Findings;

        // Naive, unflagged: alpha s → l 0.5833, beta −0.25, gamma s → l 0.25; flagged: alpha s → m 0.5, gamma t → l 1.
        Assert.Equal(new NaiveFinding(Positive: 2, Total: 3, FlaggedPositive: 2, FlaggedTotal: 2) { Pooled = f.Naive.Pooled }, f.Naive);
        Assert.Equal(0.19444444444444, f.Naive.Pooled.Value!.Value, 12); // (0.58333 − 0.25 + 0.25) / 3
        Assert.Equal(Verdict.Undecided, f.Naive.Verdict);
        Assert.Equal("Naive finetuning (xent, bradley-terry) has a positive PGR on 2 of 3 unflagged pairs across tasks (and on 2 of 2 flagged pairs, not counted); " +
                     "their mean PGR 0.194 (no interval: no per-item outcomes in these records): undecided at this power.", f.Naive.Sentence);
        // gamma s → l (28.8 SE) is the smaller gap: logconf − xent = 0.125 − 0.25; alpha s → l (29.5 SE): 0.75 − 0.58333.
        Assert.Equal(["gamma (cpu) s → l"], f.LossByGap.SmallGaps);
        Assert.Equal(["alpha (cpu) s → l"], f.LossByGap.LargeGaps);
        Assert.Equal(-0.125, f.LossByGap.SmallDifference!.Value, 12);
        Assert.Equal(0.16666666666667, f.LossByGap.LargeDifference!.Value, 12);
        Assert.Equal("logconf − xent PGR: +0.167 at the 1 larger gaps (≥ 29.5 SE), -0.125 at the 1 smaller gaps (≤ 28.8 SE); " +
                     "larger − smaller +0.292 (no interval: no per-item outcomes in these records): undecided at this power.", f.LossByGap.Sentence);
        Assert.Equal(1, f.Setting.RewardModel.Pairs);
        Assert.Equal(-0.25, f.Setting.RewardModel.Value!.Value, 12); // (0.7 − 0.75) / (0.95 − 0.75)
        Assert.Equal(2, f.Setting.Classification.Pairs);
        Assert.Equal(0.41666666666667, f.Setting.Classification.Value!.Value, 12); // (0.58333 + 0.25) / 2
        Assert.Equal("Mean naive PGR: reward models -0.250 over 1 pairs, classification 0.417 over 2 pairs; " +
                     "classification − reward models +0.667 (no interval: no per-item outcomes in these records): undecided at this power.", f.Setting.Sentence);
        Assert.Equal("No bootstrap chain in these records: undecided at this power.", f.Bootstrap.Sentence);
    }

    [Fact]
    public void Bootstrapping_is_compared_with_direct_transfer_per_chain_and_loss()
    {
        var record = ResultsFixture.Gamma with
        {
            Chains =
            [
                new(["s", "m", "l"], "xent", 0, 0.5, 0.25) { WeakAcc = 0.5, CeilingAcc = 0.9, BootstrapAcc = 0.7, DirectAcc = 0.6 },
                new(["s", "m", "l"], "xent", 1, 0.75, 0.5) { WeakAcc = 0.5, CeilingAcc = 0.9, BootstrapAcc = 0.8, DirectAcc = 0.7 },
            ],
        };
        var report = ResultsReport.Of([record]);

        var chain = report.Tasks[0].Chains.Single();
        Assert.Equal(("s → m → l", 2, 0.625, 0.375), (chain.Name, chain.Seeds, chain.Bootstrap.Median, chain.Direct.Median));
        // Ratio of means: (0.75 − 0.5) / 0.4 bootstrapped, (0.65 − 0.5) / 0.4 direct.
        Assert.Equal(0.625, chain.PgrRatioOfMeans!.Value, 12);
        Assert.Equal(0.375, chain.DirectPgrRatioOfMeans!.Value, 12);
        Assert.Equal("gamma (cpu) s → m → l (xent): PGR 0.625 bootstrapped, 0.375 direct. " +
                     "Bootstrapped − direct over 1 chain(s): +0.250 (no interval: no per-item outcomes in these records): undecided at this power.",
            report.Findings.Bootstrap.Sentence);
    }

    [Fact]
    public void The_newest_record_per_experiment_and_scale_is_used_and_a_scale_narrows_them()
    {
        var older = ResultsFixture.Alpha with { RunKey = "a0" + new string('0', 62), FinishedAt = "2026-01-02T11:00:00.0000000+02:00" }; // 09:00 UTC
        var smoke = ResultsFixture.Alpha with { Scale = "smoke", RunKey = "a5" + new string('0', 62) };

        var newest = ResultsReport.Newest([older, ResultsFixture.Alpha, smoke, ResultsFixture.Beta]);
        Assert.Equal(["a1", "a5", "b2"], newest.Select(r => r.RunKey[..2]).Order());
        Assert.Equal(["a1", "b2"], ResultsReport.Newest([older, ResultsFixture.Alpha, smoke, ResultsFixture.Beta], "cpu").Select(r => r.RunKey[..2]).Order());
    }

    [Fact]
    public void The_report_is_dated_by_its_newest_record_not_the_clock()
    {
        Assert.Equal("2026-01-03T10:00:00.0000000+00:00", ResultsFixture.Report.AsOf);
        Assert.Null(ResultsReport.Of([]).AsOf);
    }
}
