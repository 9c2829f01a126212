using ScottPlot;
using WeakToStrong.Core.Reports;

namespace WeakToStrong.Reports;

/// <summary>
/// Fig. 7: ground-truth test accuracy of each transfer at every evaluation (mean over seeds, whiskers ± SE), one line
/// per (pair, loss): colour is the loss, the line pattern the pair. ▲ marks the best point, ● the final checkpoint.
/// </summary>
static class TransferCurvePlot
{
    static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    public static Plot Draw(ReportFigure figure, RunReport report, IReadOnlyList<string> losses)
    {
        var plot = FigureStyle.New(figure.Title, "training step", "ground-truth test accuracy");
        var pairs = report.Curves.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        foreach (var curve in report.Curves.Where(c => c.Points.Count > 0))
        {
            var color = FigureStyle.Loss(Math.Max(0, losses.ToList().IndexOf(curve.Loss)));
            double[] xs = curve.Points.Select(p => (double)p.Step).ToArray();
            double[] ys = curve.Points.Select(p => p.Accuracy.Mean ?? double.NaN).ToArray();
            var line = plot.Add.Scatter(xs, ys, color);
            line.LegendText = $"{curve.Name} {curve.Loss}";
            line.LinePattern = Patterns[pairs.IndexOf(curve.Name) % Patterns.Length];
            line.LineWidth = 2;
            line.MarkerSize = 4;
            var errors = plot.Add.ErrorBar(xs, ys, curve.Points.Select(p => p.Accuracy.StandardError ?? 0).ToArray());
            errors.Color = color.WithAlpha(0.6);
            Mark(plot, xs[curve.Final], ys[curve.Final], color, MarkerShape.FilledCircle, 12);
            Mark(plot, xs[curve.Best], ys[curve.Best], color, MarkerShape.FilledTriangleUp, 14);
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "best (highest mean)", MarkerShape = MarkerShape.FilledTriangleUp, MarkerColor = Colors.Black, MarkerSize = 10 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "final checkpoint", MarkerShape = MarkerShape.FilledCircle, MarkerColor = Colors.Black, MarkerSize = 9 });
        FigureStyle.LegendOutside(plot);
        return plot;
    }

    static void Mark(Plot plot, double x, double y, Color color, MarkerShape shape, float size)
    {
        var marker = plot.Add.Marker(x, y, shape, size, color);
        marker.MarkerLineColor = Colors.Black;
        marker.MarkerLineWidth = 1;
    }
}
