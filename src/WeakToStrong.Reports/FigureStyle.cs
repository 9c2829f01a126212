using ScottPlot;

namespace WeakToStrong.Reports;

/// <summary>Colours and shared set-up of the report's figures: one colour per loss in every figure, black for the ceiling.</summary>
static class FigureStyle
{
    static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    public static readonly Color Ceiling = Colors.Black;
    public static readonly Color Weak = Colors.Gray;

    /// <summary>The i-th loss's colour (losses in the record's order).</summary>
    public static Color Loss(int index) => Palette[(index + 1) % Palette.Length];

    public static Plot New(string title, string x, string y)
    {
        FigureFont.Ensure();
        var plot = new Plot();
        plot.Font.Set(FigureFont.Family);
        plot.Title(title, size: 15);
        plot.XLabel(x, size: 13);
        plot.YLabel(y, size: 13);
        return plot;
    }

    /// <summary>
    /// A black diamond at each mean with whiskers ± SE over seeds, drawn over bars whose height is a median: a whisker
    /// around a median would claim a spread the median does not have (3 seeds: the mean and median can be far apart).
    /// </summary>
    public static void MeansWithSe(Plot plot, IReadOnlyList<(double X, double? Mean, double? Se)> points)
    {
        var known = points.Where(p => p.Mean is not null).ToList();
        if (known.Count == 0) return;
        double[] xs = known.Select(p => p.X).ToArray(), ys = known.Select(p => p.Mean!.Value).ToArray();
        var errors = plot.Add.ErrorBar(xs, ys, known.Select(p => p.Se ?? 0).ToArray());
        errors.Color = Colors.Black;
        errors.LineWidth = 1.2f;
        var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledDiamond, 8, Colors.Black);
        markers.LegendText = "mean ± SE over seeds";
    }

    /// <summary>The legend outside the data area, right of it: inside, it hides whichever points fall under it.</summary>
    public static void LegendOutside(Plot plot) => plot.ShowLegend(Edge.Right);

    /// <summary>Manual ticks on one axis: the positions the figure plots at, each with its own label.</summary>
    public static void Ticks(IAxis axis, IEnumerable<(double Position, string Label)> ticks)
    {
        var manual = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (position, label) in ticks) manual.AddMajor(position, label);
        axis.TickGenerator = manual;
    }
}
