using WeakToStrong.Core.Reports;
using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Tests.Reports;

public sealed class RunReportTests
{
    const double Tol = 1e-12;

    [Fact]
    public void Fig3_panel_has_the_weak_model_the_ceiling_and_one_student_per_loss_with_mean_and_se_over_seeds()
    {
        var panel = Assert.Single(RunReport.Of(ReportFixture.Input()).Size);

        Assert.Equal("s", panel.Weak);
        Assert.Equal((3_382_080L, 0.70, 0.05), (panel.WeakPoint!.Parameters, panel.WeakPoint.Accuracy.Mean!.Value, panel.WeakPoint.Accuracy.StandardError!.Value), Close);
        Assert.Equal(["ceiling", "w2s xent", "w2s logconf"], panel.Series.Select(s => s.Name));
        var ceiling = Assert.Single(panel.Series[0].Points);
        Assert.Equal((22_565_376L, 0.90, 0.025), (ceiling.Parameters, ceiling.Accuracy.Mean!.Value, ceiling.Accuracy.StandardError!.Value), Close);
        var xent = Assert.Single(panel.Series[1].Points);
        Assert.Equal((22_565_376L, 0.80, 0.05), (xent.Parameters, xent.Accuracy.Mean!.Value, xent.Accuracy.StandardError!.Value), Close);
        Assert.Equal(0, panel.Series[2].Points[0].Accuracy.StandardError!.Value, Tol);
    }

    [Fact]
    public void Fig7_curve_is_the_seed_mean_at_each_step_with_the_best_point_earliest_on_a_tie_and_the_last_as_final()
    {
        var report = RunReport.Of(ReportFixture.Input());

        Assert.True(report.HasSchedule);
        var xent = report.Curves.Single(c => c.Loss == "xent");
        Assert.Equal([10, 20, 30], xent.Points.Select(p => p.Step));
        Assert.Equal([0.70, 0.85, 0.80], xent.Points.Select(p => Math.Round(p.Accuracy.Mean!.Value, 12)));
        Assert.Equal((1, 2), (xent.Best, xent.Final));
        var logconf = report.Curves.Single(c => c.Loss == "logconf");
        Assert.Equal((1, 2), (logconf.Best, logconf.Final));
    }

    [Fact]
    public void A_run_without_a_schedule_has_no_fig7_and_says_why_with_its_eval_every()
    {
        var report = RunReport.Of(ReportFixture.Input(schedule: false));
        var figures = ReportFigures.Of(report);

        Assert.False(report.HasSchedule);
        Assert.Equal(["fig3-accuracy-vs-size-s", "fig4-pgr"], figures.Select(f => f.Stem));
        Assert.Contains("No accuracy-during-transfer figure (Fig. 7): the run evaluated only its final checkpoints (training.evalEvery = 0)",
            Assert.Single(ReportFacts.Notes(report)));
    }

    [Fact]
    public void The_tables_hold_every_plotted_number_as_the_report_writes_it()
    {
        var report = RunReport.Of(ReportFixture.Input());
        var tables = ReportTables.Of(report);

        Assert.Equal(["Fig. 3: test accuracy vs strong-model size", "Fig. 4–5: PGR per pair and loss", "Pooled median PGR per loss (unflagged pairs)",
            "Fig. 7: test accuracy during transfer"], tables.Select(t => t.Title));
        Assert.Equal(["s", "weak", "s", "3382080", "2", "0.700", "0.050"], tables[0].Rows[0]);
        Assert.Equal(["s", "ceiling", "l", "22565376", "2", "0.900", "0.025"], tables[0].Rows[1]);
        // PGR xent 0.25 and 0.75: median and mean 0.5, SE 0.25; ratio of means (0.8 − 0.7) / (0.9 − 0.7) = 0.5, gain 0.1;
        // no per-item outcomes, so no intervals and no error correction; gap 0.2 at p = 0.8, n 1000: 15.8 SE.
        Assert.Equal(["s", "l", "xent", "2", "0.700", "0.800", "0.900", "0.500", "0.100", "n/a", "0.500", "0.500", "0.250", "15.8", ""], tables[1].Rows[0]);
        Assert.False(report.HasIntervals);
        Assert.Equal(["xent", "0.500", "1", ""], tables[2].Rows[0]);
        Assert.Equal(["s", "l", "xent", "20", "2", "0.850", "0.050", "best"], tables[3].Rows[1]);
        Assert.Equal(["s", "l", "xent", "30", "2", "0.800", "0.050", "final"], tables[3].Rows[2]);
    }

    [Fact]
    public void With_per_item_outcomes_the_pair_table_has_the_ratio_of_means_pgr_gain_and_error_correction_with_their_intervals()
    {
        var report = RunReport.Of(ReportFixture.Input(outcomes: true));
        var table = ReportTables.Of(report)[1];

        Assert.True(report.HasIntervals);
        Assert.Equal(["weak", "strong", "loss", "seeds", "weak acc", "w2s acc", "ceiling acc", "PGR [95% CI]", "gain [95% CI]", "error correction [95% CI]",
            "PGR median", "PGR mean", "SE", "gap (SE)", "flags"], table.Header);
        // The same paired bootstrap as the evaluate stage and docs/results.md (Core's PgrBootstrap over the same outcomes).
        var xent = PgrBootstrap.Of(ReportFixture.Outcomes("xent"));
        Assert.NotNull(xent.PgrCi);
        Assert.Equal([
            "s", "l", "xent", "2", "0.700", "0.800", "0.900",
            $"{Numbers.F3(xent.Pgr)} [{Numbers.F3(xent.PgrCi!.Lo)}, {Numbers.F3(xent.PgrCi.Hi)}]",
            $"{Numbers.F3(xent.Gain)} [{Numbers.F3(xent.GainCi.Lo)}, {Numbers.F3(xent.GainCi.Hi)}]",
            $"{Numbers.F3(xent.ErrorCorrection)} [{Numbers.F3(xent.ErrorCorrectionCi!.Lo)}, {Numbers.F3(xent.ErrorCorrectionCi.Hi)}]",
            "0.500", "0.500", "0.250", "15.8", "",
        ], table.Rows[0]);
        Assert.Equal("0.500", table.Rows[0][7][..5]); // 70, 80, 90 of 100 items right: the point estimate is the seeds' ratio of means
        // The flags are Significance.Flags' own reasons (here a constant student on seed 1), after a ⚑.
        Assert.Equal("⚑ " + string.Join("; ", Significance.Flags(0.7, 0.9, 1000, [1])), table.Rows[1][^1]);
        Assert.Contains("ratio of the means over seeds", ReportFigures.Of(report).Single(f => f.Kind == FigureKind.Pgr).Caption);
    }

    [Fact]
    public void An_interval_too_many_resamples_leave_without_a_gap_is_written_unbounded_with_the_note()
    {
        // Weak 50 of 100 right, ceiling 51: the gap is one item, so most resamples have none.
        var weak = Enumerable.Range(0, 100).Select(i => i < 50).ToArray();
        var ceiling = Enumerable.Range(0, 100).Select(i => i < 51).ToArray();
        var student = Enumerable.Range(0, 100).Select(i => i < 50 || i == 99).ToArray();
        var outcomes = new SeedOutcomes(weak, student, ceiling);
        var b = PgrBootstrap.Of([outcomes]);
        var pair = new PairResult("s", "l", "xent", 1, 0.5, 0.51, 0.51, null, PgrStats.Of([1.0]), 0, 0, [])
        {
            PgrRatioOfMeans = b.Pgr, Gain = b.Gain, Bootstrap = PgrBootstrap.Resample([outcomes]),
        };

        Assert.Null(b.PgrCi);
        Assert.Equal($"1.000 [unbounded] ({b.PgrCiNote})", ReportTables.PgrWithCi(pair));
        Assert.StartsWith("ceiling <= weak in ", b.PgrCiNote);
        Assert.Equal("1.000", ReportTables.PgrWithCi(pair with { Bootstrap = null })); // no outcomes: the point alone
    }

    [Fact]
    public void The_markdown_links_each_figure_and_is_dated_by_the_record_not_the_clock()
    {
        var report = RunReport.Of(ReportFixture.Input());
        string md = ReportMarkdown.Render(report, ReportFigures.Of(report), ReportTables.Of(report));

        Assert.StartsWith("# Run report: alpha (cpu) ab0000000000\n\n- experiment: alpha 0.1.0\n", md);
        Assert.Contains("- finished: 2026-01-02T10:00:00.0000000+00:00\n", md);
        Assert.Contains("- models: s = gpt2-local w64-l2-h2 (3.38M), l = minilm-l6 (22.6M)\n", md);
        Assert.Contains("![Ground-truth test accuracy during transfer](fig7-accuracy-during-transfer.png)", md);
        Assert.Equal(md, ReportMarkdown.Render(report, ReportFigures.Of(report), ReportTables.Of(report)));
    }

    static readonly Comparer Close = new();

    sealed class Comparer : IEqualityComparer<(long, double, double)>
    {
        public bool Equals((long, double, double) x, (long, double, double) y) =>
            x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < Tol && Math.Abs(x.Item3 - y.Item3) < Tol;

        public int GetHashCode((long, double, double) obj) => obj.Item1.GetHashCode();
    }
}
