using ScottPlot;
using WeakToStrong.Core.Reports;

namespace WeakToStrong.Reports;

/// <summary>
/// Fig. 3 for one weak model: test accuracy (mean ± SE over seeds) against the strong model's parameter count on a
/// log axis (log10 of the count is plotted; ticks name each model and its size). The weak model is a dashed line at
/// its own accuracy and a point at its own size.
/// </summary>
static class AccuracyVsSizePlot
{
    /// <param name="rewardModel">The reward-model setting, whose accuracy is how often the preferred response scores higher.</param>
    public static Plot Draw(ReportFigure figure, SizePanel panel, IReadOnlyList<string> losses, bool rewardModel)
    {
        var plot = FigureStyle.New(figure.Title, "strong-model parameters (log scale)",
            rewardModel ? "test accuracy (preferred response ranked first)" : "test accuracy");
        var ticks = new SortedDictionary<double, string>();
        var ys = new List<double>();

        if (panel.WeakPoint is { Accuracy.Mean: { } weakMean } w)
        {
            var line = plot.Add.HorizontalLine(weakMean, width: 1.5f, color: FigureStyle.Weak, pattern: LinePattern.Dashed);
            line.LegendText = $"weak {panel.Weak} ({Fmt(weakMean)})";
            Series(plot, [w], FigureStyle.Weak, null, MarkerShape.OpenSquare, 0);
            ticks[X(w)] = Tick(w);
            ys.Add(weakMean);
        }
        int index = 0;
        foreach (var series in panel.Series)
        {
            bool ceiling = series.Name == "ceiling";
            var color = ceiling ? FigureStyle.Ceiling : FigureStyle.Loss(Math.Max(0, IndexOf(losses, series.Name["w2s ".Length..])));
            // A small horizontal offset per series, so that error bars at one model do not hide each other.
            double offset = (index - (panel.Series.Count - 1) / 2.0) * 0.012;
            Series(plot, series.Points, color, ceiling ? "ceiling (ground truth)" : series.Name, ceiling ? MarkerShape.FilledCircle : MarkerShape.FilledDiamond, offset);
            foreach (var p in series.Points)
            {
                ticks[X(p)] = Tick(p);
                ys.AddRange(Band(p));
            }
            index++;
        }
        FigureStyle.Ticks(plot.Axes.Bottom, ticks.Select(t => (t.Key, t.Value)));
        if (ticks.Count > 0) plot.Axes.SetLimitsX(ticks.Keys.First() - 0.15, ticks.Keys.Last() + 0.15);
        if (ys.Count > 0)
        {
            double lo = ys.Min(), hi = ys.Max(), pad = Math.Max(0.02, (hi - lo) * 0.15);
            plot.Axes.SetLimitsY(lo - pad, hi + pad);
        }
        FigureStyle.LegendOutside(plot);
        return plot;
    }

    static void Series(Plot plot, IReadOnlyList<SizePoint> points, Color color, string? legend, MarkerShape marker, double offset)
    {
        var known = points.Where(p => p.Accuracy.Mean is not null).ToList();
        if (known.Count == 0) return;
        double[] xs = known.Select(p => X(p) + offset).ToArray(), means = known.Select(p => p.Accuracy.Mean!.Value).ToArray();
        var scatter = plot.Add.Scatter(xs, means, color);
        scatter.MarkerShape = marker;
        scatter.MarkerSize = 9;
        scatter.LineWidth = 2;
        if (legend is not null) scatter.LegendText = legend;
        var bars = plot.Add.ErrorBar(xs, means, known.Select(p => p.Accuracy.StandardError ?? 0).ToArray());
        bars.Color = color;
        bars.LineWidth = 1.5f;
    }

    static double X(SizePoint p) => Math.Log10(p.Parameters);

    static string Tick(SizePoint p) => $"{p.Model}\n{ReportNumbers.Parameters(p.Parameters)}";

    static IEnumerable<double> Band(SizePoint p) => p.Accuracy.Mean is { } m ? [m - (p.Accuracy.StandardError ?? 0), m + (p.Accuracy.StandardError ?? 0)] : [];

    static int IndexOf(IReadOnlyList<string> list, string item) => list.ToList().IndexOf(item);

    static string Fmt(double v) => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
