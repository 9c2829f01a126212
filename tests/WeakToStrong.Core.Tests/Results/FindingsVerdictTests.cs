using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;
using static WeakToStrong.Core.Tests.Results.OutcomesFixture;

namespace WeakToStrong.Core.Tests.Results;

/// <summary>The findings' words, decided from the paired bootstrap intervals of records with per-item outcomes.</summary>
public class FindingsVerdictTests
{
    static readonly ResultsReport Report = ResultsReport.Of([Delta, Epsilon]);

    [Fact]
    public void A_pair_with_outcomes_has_the_bootstraps_numbers()
    {
        var pair = Report.Tasks.Single(t => t.Record.Experiment == "delta").Pairs.Single(p => (p.Weak, p.Loss) == ("w", "xent"));

        // means over seeds: weak 0.605, w2s 0.785, ceiling 0.905: PGR 0.18 / 0.3 = 0.6 (to rounding), gain 0.18
        Assert.Equal(0.6, pair.PgrRatioOfMeans!.Value, 12);
        Assert.Equal(0.18, pair.Gain, 12);
        var b = pair.Bootstrap!.Summary;
        Assert.Equal(pair.PgrRatioOfMeans, b.Pgr);
        Assert.True(b.PgrCi!.Lo < 0.6 && 0.6 < b.PgrCi.Hi && b.PgrCi.Lo > 0.5 && b.PgrCi.Hi < 0.7, b.PgrCi.ToString());
        // Weak-wrong items: s0 600..999 (student right on 600..779: 180 of 400), s1 610..999 (180 of 390).
        Assert.Equal(360.0 / 790, b.ErrorCorrection!.Value, 12);
        Assert.Equal(1.0, b.WeakRightAccuracy); // every "first k" student is right where its weak model is
        Assert.Empty(pair.Flags);
    }

    [Fact]
    public void Naive_pgr_above_zero_is_confirmed_when_the_pooled_intervals_lower_bound_is_above_zero()
    {
        var f = Report.Findings.Naive;

        // delta w → s 0.6, u → s 0.5, epsilon a → b 0.2: mean 0.4333
        Assert.Equal((3, 3), (f.Positive, f.Total));
        Assert.Equal(1.3 / 3, f.Pooled.Value!.Value, 12);
        Assert.True(f.Pooled.Ci!.Lo > 0, f.Pooled.Ci.ToString());
        Assert.Equal(Verdict.Confirmed, f.Verdict);
        Assert.EndsWith($"their mean PGR {Numbers.WithCi(f.Pooled.Value, f.Pooled.Ci)}: confirmed.", f.Sentence);
    }

    [Fact]
    public void A_student_worse_than_its_supervisor_contradicts_the_naive_finding()
    {
        // w → s with the student right on 500 of 1000: PGR (0.505 − 0.605) / 0.3 = −1/3.
        var worse = new TaskRecord("zeta", "cpu", "classification", "ze" + new string('0', 62), "2026-02-01T10:00:00.0000000+00:00", null, false, N,
            [Run("w", "s", "xent", 0, 600, 500, 900), Run("w", "s", "xent", 1, 600, 500, 900)]);

        var f = ResultsReport.Of([worse]).Findings.Naive;

        Assert.Equal(-1.0 / 3, f.Pooled.Value!.Value, 12);
        Assert.True(f.Pooled.Ci!.Hi < 0, f.Pooled.Ci.ToString());
        Assert.Equal(Verdict.Contradicted, f.Verdict);
        Assert.EndsWith(": contradicted.", f.Sentence);
    }

    [Fact]
    public void An_interval_across_zero_is_undecided()
    {
        // The student trades 20 of the weak model's wrong items for 15 of its right ones: gain 0.005 on 35 discordant items per seed.
        SeedRun Traded(int seed)
        {
            var weak = First(600);
            var student = (bool[])weak.Clone();
            for (int i = 0; i < 15; i++) student[i] = false;
            for (int i = 600; i < 620; i++) student[i] = true;
            return new SeedRun("w", "s", "xent", seed, 0.6, 0.605, 0.9, null, PgrStatistics.Pgr(0.6, 0.9, 0.605))
            {
                Outcomes = new SeedOutcomes(weak, student, First(900)),
            };
        }
        var record = new TaskRecord("eta", "cpu", "classification", "et" + new string('0', 62), "2026-02-01T10:00:00.0000000+00:00", null, false, N,
            [Traded(0), Traded(1)]);

        var f = ResultsReport.Of([record]).Findings.Naive;

        Assert.Equal(0.005 / 0.3, f.Pooled.Value!.Value, 12);
        Assert.True(f.Pooled.Ci!.Lo < 0 && f.Pooled.Ci.Hi > 0, f.Pooled.Ci.ToString());
        Assert.Equal(Verdict.Undecided, f.Verdict);
        Assert.EndsWith(": undecided at this power.", f.Sentence);
    }

    [Fact]
    public void The_confidence_loss_contrast_is_bootstrapped_paired_from_the_same_resamples()
    {
        var f = Report.Findings.LossByGap;

        Assert.Equal(["delta (cpu) u → s"], f.SmallGaps); // 16.0 SE at the seed means
        Assert.Equal(["delta (cpu) w → s"], f.LargeGaps); // 22.1 SE
        Assert.Equal(0.3, f.LargeDifference!.Value, 12); // 0.9 − 0.6
        Assert.Equal(0.1, f.SmallDifference!.Value, 12); // 0.6 − 0.5
        Assert.Equal(0.2, f.Contrast!.Value, 12);
        Assert.True(f.ContrastCi!.Lo > 0, f.ContrastCi.ToString());
        Assert.Equal(Verdict.Confirmed, f.Verdict);
        Assert.EndsWith($"larger − smaller {Numbers.WithCi(f.Contrast, f.ContrastCi, signed: true)}: confirmed.", f.Sentence);
    }

    [Fact]
    public void Reward_models_below_classification_is_decided_from_the_difference_of_the_pooled_resamples()
    {
        var f = Report.Findings.Setting;

        Assert.Equal(0.2, f.RewardModel.Value!.Value, 12);
        Assert.Equal(0.55, f.Classification.Value!.Value, 12); // delta w → s 0.6, u → s 0.5
        Assert.Equal(0.35, f.Difference!.Value, 12);
        Assert.True(f.DifferenceCi!.Lo > 0, f.DifferenceCi.ToString());
        Assert.Equal(Verdict.Confirmed, f.Verdict);
    }

    [Fact]
    public void Bootstrapping_against_direct_transfer_is_a_paired_difference_over_chains()
    {
        // The chain w → u → s right on 840 against the direct w → s xent transfer (780): PGR 0.8 vs 0.6.
        ChainSeedRun Chain(int seed)
        {
            int shift = 10 * seed;
            return new ChainSeedRun(["w", "u", "s"], "xent", seed, null, null)
            {
                Outcomes = new SeedOutcomes(First(600 + shift), First(840 + shift), First(900 + shift)),
                DirectOutcomes = new SeedOutcomes(First(600 + shift), First(780 + shift), First(900 + shift)),
            };
        }
        var report = ResultsReport.Of([Delta with { Chains = [Chain(0), Chain(1)] }]);
        var f = report.Findings.Bootstrap;

        var c = Assert.Single(f.Chains);
        Assert.Equal(0.8, c.Bootstrap!.Value, 12);
        Assert.Equal(0.6, c.Direct!.Value, 12);
        Assert.Equal(0.2, f.Difference!.Value, 12);
        Assert.True(f.DifferenceCi!.Lo > 0, f.DifferenceCi.ToString());
        Assert.Equal(Verdict.Confirmed, f.Verdict);
        Assert.StartsWith($"delta (cpu) w → u → s (xent): PGR {Numbers.WithCi(c.Bootstrap, c.BootstrapCi)} bootstrapped, {Numbers.WithCi(c.Direct, c.DirectCi)} direct. " +
                          "Bootstrapped − direct over 1 chain(s): +0.200 [", f.Sentence);
    }

    [Fact]
    public void A_constant_student_flags_its_pair_and_leaves_the_findings()
    {
        var record = Delta with { Runs = [.. Delta.Runs.Select(r => r.Loss == "xent" && r.Weak == "u" && r.Seed == 1 ? r with { StudentPositiveRate = 1.0 } : r)] };
        var pair = ResultsReport.Of([record]).Tasks[0].Pairs.Single(p => (p.Weak, p.Loss) == ("u", "xent"));

        Assert.Equal(["constant student (s1)"], pair.Flags);
        Assert.Equal(1, ResultsReport.Of([record]).Findings.Naive.Total);
    }

    [Fact]
    public void The_markdown_shows_intervals_the_same_bytes_every_time()
    {
        var text = ResultsMarkdown.Render(Report);
        var pair = Report.Tasks.Single(t => t.Record.Experiment == "delta").Pairs.Single(p => (p.Weak, p.Loss) == ("w", "xent"));
        var b = pair.Bootstrap!.Summary;

        Assert.Contains($"| w → s | xent | 0.605 | 0.785 | 0.905 | 0.600 [{Numbers.F3(b.PgrCi!.Lo)}, {Numbers.F3(b.PgrCi.Hi)}] | " +
                        $"0.180 [{Numbers.F3(b.GainCi.Lo)}, {Numbers.F3(b.GainCi.Hi)}] | 0.456 | 0.600 | 0.600 ± 0.000 | n/a | 2 | 22.1 |  |\n", text);
        Assert.Equal(text, ResultsMarkdown.Render(ResultsReport.Of([Epsilon, Delta])));
    }
}
