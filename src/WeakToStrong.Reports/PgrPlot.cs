using ScottPlot;
using WeakToStrong.Core.Reports;
using WeakToStrong.Core.Results;

namespace WeakToStrong.Reports;

/// <summary>
/// Fig. 4–5: one group of bars per (weak → strong) pair, one bar per loss (the pair's median PGR over seeds; the mean ± SE
/// over seeds as a diamond and whiskers), flagged pairs pale, and per loss a dashed line at the pooled median over unflagged pairs.
/// </summary>
static class PgrPlot
{
    /// <summary>Wider with more pairs, so that each group keeps room for its bars and its two-line tick.</summary>
    public static int Width(RunReport report) =>
        Math.Max(FigureRender.Width, 420 + 90 * report.Task.Pairs.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());

    public static Plot Draw(ReportFigure figure, RunReport report, IReadOnlyList<string> losses)
    {
        var plot = FigureStyle.New(figure.Title, "weak → strong", "PGR (performance gap recovered)");
        var pairs = report.Task.Pairs.Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        double width = 0.8 / Math.Max(1, losses.Count);
        var bars = new List<Bar>();
        var means = new List<(double, double?, double?)>();
        foreach (var p in report.Task.Pairs)
        {
            int li = losses.ToList().IndexOf(p.Loss), pi = pairs.IndexOf(p.Name);
            if (p.Pgr.Median is not { } median)
            {
                // No seed has a PGR (the ceiling is not above the weak model): said where the bar would be, not left blank.
                var none = plot.Add.Text("no PGR", pi + (li - (losses.Count - 1) / 2.0) * width, 0);
                none.LabelRotation = -90;
                none.LabelFontSize = 11;
                none.LabelFontColor = Colors.Gray;
                none.LabelAlignment = Alignment.MiddleLeft;
                continue;
            }
            var color = FigureStyle.Loss(li);
            double x = pi + (li - (losses.Count - 1) / 2.0) * width;
            means.Add((x, p.Pgr.Mean, p.Pgr.StandardError));
            bars.Add(new Bar
            {
                Position = x,
                Value = median,
                Size = width * 0.9,
                FillColor = p.Flagged ? color.WithAlpha(0.3) : color,
                LineColor = color,
            });
        }
        plot.Add.Bars(bars);
        FigureStyle.MeansWithSe(plot, means);
        plot.Add.HorizontalLine(0, width: 1, color: Colors.Black);
        var one = plot.Add.HorizontalLine(1, width: 1, color: Colors.Gray, pattern: LinePattern.Dotted);
        one.LegendText = "PGR 1 (ceiling reached)";
        for (int i = 0; i < losses.Count; i++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = losses[i], FillColor = FigureStyle.Loss(i), LineColor = FigureStyle.Loss(i) });
            if (report.Pooled.FirstOrDefault(x => x.Loss == losses[i]) is { Stats.Median: { } pooled } pool)
            {
                var line = plot.Add.HorizontalLine(pooled, width: 2, color: FigureStyle.Loss(i), pattern: LinePattern.Dashed);
                line.LegendText = $"pooled median {losses[i]} {Numbers.F3(pooled)} ({pool.Included.Count} pair(s))";
            }
        }
        if (report.Task.Pairs.Any(p => p.Flagged && p.Pgr.Median is not null))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "pale: flagged (not pooled)", FillColor = Colors.Gray.WithAlpha(0.3), LineColor = Colors.Gray });
        // Two lines per tick ("w64 →" over "minilm"), so that many pairs' names do not run into each other.
        FigureStyle.Ticks(plot.Axes.Bottom, pairs.Select((name, i) => ((double)i, name.Replace(" → ", " →\n", StringComparison.Ordinal))));
        var values = bars.Select(b => b.Value).Concat(means.SelectMany(m => m.Item2 is { } v ? new[] { v - (m.Item3 ?? 0), v + (m.Item3 ?? 0) } : []))
            .Append(0).Append(1).ToList();
        double lo = values.Min(), hi = values.Max(), pad = (hi - lo) * 0.08;
        plot.Axes.SetLimits(-0.6, pairs.Count - 0.4, lo - pad, hi + pad);
        FigureStyle.LegendOutside(plot);
        return plot;
    }
}
