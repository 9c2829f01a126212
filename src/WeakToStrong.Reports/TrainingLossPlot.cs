using ScottPlot;
using WeakToStrong.Core.Reports;

namespace WeakToStrong.Reports;

/// <summary>
/// The training loss of every stage of one kind (issue 31): one colour per series (model, or pair and loss), one line
/// per seed, and ln 2 dashed where the stages classify or rank pairs, so a student that never left chance is seen at
/// a glance. The y range is shared by nothing else: each kind's losses have their own scale.
/// </summary>
static class TrainingLossPlot
{
    public static Plot Draw(ReportFigure figure, RunReport report)
    {
        var plot = FigureStyle.New(figure.Title, "training step", figure.Panel == "pretrain" ? "language-model loss" : "training loss");
        var curves = report.Input.LossCurves.Where(c => c.Panel == figure.Panel).ToList();
        var series = curves.Select(c => c.Series).Distinct(StringComparer.Ordinal).ToList();
        foreach (var curve in curves)
        {
            int index = series.IndexOf(curve.Series);
            double[] xs = Enumerable.Range(0, curve.Loss.Count).Select(curve.StepOf).ToArray();
            var line = plot.Add.Scatter(xs, curve.Loss.ToArray(), FigureStyle.Loss(index - 1).WithAlpha(0.85));
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            // One legend entry per series: its first seed's line carries the name.
            if (curves.First(c => c.Series == curve.Series) == curve) line.LegendText = curve.Series;
        }
        if (figure.Panel != "pretrain")
        {
            var chance = plot.Add.HorizontalLine(Math.Log(2), 1, Colors.Black, LinePattern.Dashed);
            chance.LegendText = "ln 2 (50/50 on every item)";
        }
        FigureStyle.LegendOutside(plot);
        return plot;
    }
}
