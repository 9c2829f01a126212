using ScottPlot;
using WeakToStrong.Core.Reports;
using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Reports;

/// <summary>
/// Fig. 4–5: one group of bars per (weak → strong) pair, one bar per loss, flagged pairs pale, and per loss a dashed line
/// at the pooled median over unflagged pairs. With per-item outcomes in the record, the bar is the ratio-of-means PGR with
/// its 95% paired bootstrap interval as whisker and the per-seed median as an open circle; without (older records), the
/// bar is the median PGR over seeds with the mean ± SE as a diamond and whiskers.
/// </summary>
static class PgrPlot
{
    /// <summary>Wider with more pairs, so that each group keeps room for its bars and its two-line tick.</summary>
    public static int Width(RunReport report) =>
        Math.Max(FigureRender.Width, 420 + 90 * report.Task.Pairs.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());

    public static Plot Draw(ReportFigure figure, RunReport report, IReadOnlyList<string> losses) =>
        report.HasIntervals ? DrawWithIntervals(figure, report, losses) : DrawMedians(figure, report, losses);

    /// <summary>Records without per-item outcomes (no intervals): the median bar with the mean ± SE diamond, as always.</summary>
    static Plot DrawMedians(ReportFigure figure, RunReport report, IReadOnlyList<string> losses)
    {
        var plot = FigureStyle.New(figure.Title, "weak → strong", "PGR (performance gap recovered)");
        var pairs = report.Task.Pairs.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        double width = 0.8 / Math.Max(1, losses.Count);
        var bars = new List<Bar>();
        var means = new List<(double, double?, double?)>();
        foreach (var p in report.Task.Pairs)
        {
            int li = losses.ToList().IndexOf(p.Loss), pi = pairs.IndexOf(p.Name);
            double x = pi + (li - (losses.Count - 1) / 2.0) * width;
            if (p.Pgr.Median is not { } median)
            {
                NoPgr(plot, x);
                continue;
            }
            var color = FigureStyle.Loss(li);
            means.Add((x, p.Pgr.Mean, p.Pgr.StandardError));
            bars.Add(Bar(x, median, width, color, p.Flagged));
        }
        plot.Add.Bars(bars);
        FigureStyle.MeansWithSe(plot, means);
        Finish(plot, report, losses, pairs, p => p.Pgr.Median is not null, loss => loss);
        var values = bars.Select(b => b.Value).Concat(means.SelectMany(m => m.Item2 is { } v ? new[] { v - (m.Item3 ?? 0), v + (m.Item3 ?? 0) } : []))
            .Append(0).Append(1).ToList();
        double lo = values.Min(), hi = values.Max(), pad = (hi - lo) * 0.08;
        plot.Axes.SetLimits(-0.6, pairs.Count - 0.4, lo - pad, hi + pad);
        FigureStyle.LegendOutside(plot);
        return plot;
    }

    /// <summary>
    /// Records with per-item outcomes: the bar is the ratio-of-means PGR, the black whisker its 95% paired bootstrap
    /// interval ("CI unbounded" written where it has none), an open circle the median of the per-seed PGRs. An interval
    /// can be far wider than the bars (a small gap): the y axis reaches at most one unit past the bars, the medians, 0 and
    /// 1, and a whisker longer than that is cut at the plot's edge and ends in a triangle (its numbers are in the table).
    /// </summary>
    static Plot DrawWithIntervals(ReportFigure figure, RunReport report, IReadOnlyList<string> losses)
    {
        var plot = FigureStyle.New(figure.Title, "weak → strong", "PGR (performance gap recovered)");
        var pairs = report.Task.Pairs.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        double width = 0.8 / Math.Max(1, losses.Count);
        var bars = new List<Bar>();
        var intervals = new List<(double X, Interval Ci)>();
        var unbounded = new List<(double X, double Top)>();
        var medians = new List<(double X, double Y)>();
        foreach (var p in report.Task.Pairs)
        {
            int li = losses.ToList().IndexOf(p.Loss), pi = pairs.IndexOf(p.Name);
            double x = pi + (li - (losses.Count - 1) / 2.0) * width;
            if (p.Pgr.Median is { } median) medians.Add((x, median));
            if (p.PgrRatioOfMeans is not { } pgr || !double.IsFinite(pgr))
            {
                NoPgr(plot, x);
                continue;
            }
            bars.Add(Bar(x, pgr, width, FigureStyle.Loss(li), p.Flagged));
            if (p.Bootstrap?.Summary.PgrCi is { } ci) intervals.Add((x, ci));
            else if (p.Bootstrap is not null) unbounded.Add((x, Math.Max(pgr, 0)));
        }
        plot.Add.Bars(bars);

        var core = bars.Select(b => b.Value).Concat(medians.Select(m => m.Y)).Append(0).Append(1).ToList();
        double coreLo = core.Min(), coreHi = core.Max();
        var values = core.Concat(intervals.SelectMany(i => new[] { Math.Max(i.Ci.Lo, coreLo - 1), Math.Min(i.Ci.Hi, coreHi + 1) })).ToList();
        double lo = values.Min(), hi = values.Max(), pad = (hi - lo) * 0.08;

        if (intervals.Count > 0)
        {
            // Whiskers from Lo to Hi around the bar's value (a percentile interval need not be centred on it).
            var ys = intervals.Select(i => bars.First(b => b.Position == i.X).Value).ToArray();
            var errors = plot.Add.ErrorBar(intervals.Select(i => i.X).ToArray(), ys, new double[intervals.Count]);
            errors.YErrorPositive = intervals.Select((i, k) => Math.Max(0, i.Ci.Hi - ys[k])).ToArray();
            errors.YErrorNegative = intervals.Select((i, k) => Math.Max(0, ys[k] - i.Ci.Lo)).ToArray();
            errors.Color = Colors.Black;
            errors.LineWidth = 1.2f;
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{PgrBootstrap.Level:0%} CI (paired bootstrap)", LineColor = Colors.Black, LineWidth = 1.2f });
            // A whisker cut at the plot's edge ends in a triangle pointing the way it goes on.
            double top = hi + pad, bottom = lo - pad;
            var up = intervals.Where(i => i.Ci.Hi > top).Select(i => i.X).ToArray();
            var down = intervals.Where(i => i.Ci.Lo < bottom).Select(i => i.X).ToArray();
            if (up.Length > 0) plot.Add.Markers(up, up.Select(_ => top - pad * 0.25).ToArray(), MarkerShape.FilledTriangleUp, 9, Colors.Black);
            if (down.Length > 0) plot.Add.Markers(down, down.Select(_ => bottom + pad * 0.25).ToArray(), MarkerShape.FilledTriangleDown, 9, Colors.Black);
            if (up.Length + down.Length > 0)
                plot.Legend.ManualItems.Add(new LegendItem
                    { LabelText = "CI runs off the plot (see table)", MarkerShape = MarkerShape.FilledTriangleUp, MarkerColor = Colors.Black, MarkerSize = 9 });
        }
        foreach (var (x, top) in unbounded)
        {
            var text = plot.Add.Text("CI unbounded", x, top + pad * 0.2);
            text.LabelRotation = -90;
            text.LabelFontSize = 11;
            text.LabelFontColor = Colors.Black;
            text.LabelAlignment = Alignment.MiddleLeft;
        }
        if (medians.Count > 0)
        {
            var markers = plot.Add.Markers(medians.Select(m => m.X).ToArray(), medians.Select(m => m.Y).ToArray(), MarkerShape.OpenCircle, 8, Colors.Black);
            markers.LegendText = "median of per-seed PGRs";
        }
        Finish(plot, report, losses, pairs, p => p.PgrRatioOfMeans is { } v && double.IsFinite(v), loss => $"{loss}: PGR, ratio of means");
        plot.Axes.SetLimits(-0.6, pairs.Count - 0.4, lo - pad, hi + pad);
        FigureStyle.LegendOutside(plot);
        return plot;
    }

    static Bar Bar(double x, double value, double width, Color color, bool flagged) => new()
    {
        Position = x,
        Value = value,
        Size = width * 0.9,
        FillColor = flagged ? color.WithAlpha(0.3) : color,
        LineColor = color,
    };

    /// <summary>No seed has a PGR (the ceiling is not above the weak model): said where the bar would be, not left blank.</summary>
    static void NoPgr(Plot plot, double x)
    {
        var none = plot.Add.Text("no PGR", x, 0);
        none.LabelRotation = -90;
        none.LabelFontSize = 11;
        none.LabelFontColor = Colors.Gray;
        none.LabelAlignment = Alignment.MiddleLeft;
    }

    /// <summary>The 0 and 1 lines, one legend entry per loss (what its bar is) with its pooled median line, the flagged entry and the pair ticks.</summary>
    static void Finish(Plot plot, RunReport report, IReadOnlyList<string> losses, IReadOnlyList<string> pairs, Func<PairResult, bool> drawn,
        Func<string, string> barLabel)
    {
        plot.Add.HorizontalLine(0, width: 1, color: Colors.Black);
        var one = plot.Add.HorizontalLine(1, width: 1, color: Colors.Gray, pattern: LinePattern.Dotted);
        one.LegendText = "PGR 1 (ceiling reached)";
        for (int i = 0; i < losses.Count; i++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = barLabel(losses[i]), FillColor = FigureStyle.Loss(i), LineColor = FigureStyle.Loss(i) });
            if (report.Pooled.FirstOrDefault(x => x.Loss == losses[i]) is { Stats.Median: { } pooled } pool)
            {
                var line = plot.Add.HorizontalLine(pooled, width: 2, color: FigureStyle.Loss(i), pattern: LinePattern.Dashed);
                line.LegendText = $"pooled median {losses[i]} {Numbers.F3(pooled)} ({pool.Included.Count} pair(s))";
            }
        }
        if (report.Task.Pairs.Any(p => p.Flagged && drawn(p)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "pale: flagged (not pooled)", FillColor = Colors.Gray.WithAlpha(0.3), LineColor = Colors.Gray });
        // Two lines per tick ("w64 →" over "minilm"), so that many pairs' names do not run into each other.
        FigureStyle.Ticks(plot.Axes.Bottom, pairs.Select((name, i) => ((double)i, name.Replace(" → ", " →\n", StringComparison.Ordinal))));
    }
}
