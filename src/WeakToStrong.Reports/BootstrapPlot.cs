using ScottPlot;
using WeakToStrong.Core.Reports;

namespace WeakToStrong.Reports;

/// <summary>§4.3.1: per chain and loss, two bars: the bootstrap chain's median PGR and the direct transfer's; the mean ± SE over seeds as a diamond and whiskers.</summary>
static class BootstrapPlot
{
    static readonly Color ChainColor = new ScottPlot.Palettes.Category10().GetColor(4);
    static readonly Color DirectColor = Colors.Gray;

    public static Plot Draw(ReportFigure figure, RunReport report)
    {
        var plot = FigureStyle.New(figure.Title, "chain, loss", "PGR");
        var bars = new List<Bar>();
        var means = new List<(double, double?, double?)>();
        var chains = report.Task.Chains;
        for (int i = 0; i < chains.Count; i++)
        {
            Add(bars, means, i - 0.2, chains[i].Bootstrap, ChainColor);
            Add(bars, means, i + 0.2, chains[i].Direct, DirectColor);
        }
        plot.Add.Bars(bars);
        FigureStyle.MeansWithSe(plot, means);
        plot.Add.HorizontalLine(0, width: 1, color: Colors.Black);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "bootstrap chain", FillColor = ChainColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "direct transfer (first → last)", FillColor = DirectColor });
        FigureStyle.Ticks(plot.Axes.Bottom, chains.Select((c, i) => ((double)i, $"{c.Name}\n{c.Loss}")));
        var values = bars.Select(b => b.Value).Concat(means.SelectMany(m => m.Item2 is { } v ? new[] { v - (m.Item3 ?? 0), v + (m.Item3 ?? 0) } : []))
            .Append(0).ToList();
        double lo = values.Min(), hi = values.Max(), pad = Math.Max(0.05, (hi - lo) * 0.1);
        plot.Axes.SetLimits(-0.6, chains.Count - 0.4, lo - pad, hi + pad);
        FigureStyle.LegendOutside(plot);
        return plot;
    }

    static void Add(List<Bar> bars, List<(double, double?, double?)> means, double x, Core.Statistics.PgrStats stats, Color color)
    {
        if (stats.Median is not { } median) return;
        bars.Add(new Bar { Position = x, Value = median, Size = 0.36, FillColor = color, LineColor = color });
        means.Add((x, stats.Mean, stats.StandardError));
    }
}
