using System.Text;
using ScottPlot;
using WeakToStrong.Core.Reports;

namespace WeakToStrong.Reports;

/// <summary>One file of a rendered report: its name inside the report folder and its bytes.</summary>
public sealed record ReportFile(string Name, byte[] Bytes);

/// <summary>
/// A run report as files: report.md, report.html, and each figure as PNG and SVG (<see cref="ReportFigures"/>), in a
/// fixed order. Everything comes from <see cref="RunReport"/>, so the same record renders to the same bytes.
/// </summary>
public static class ReportRenderer
{
    public const string Markdown = "report.md", Html = "report.html";

    public static IReadOnlyList<ReportFile> Render(RunReport report)
    {
        var figures = ReportFigures.Of(report);
        var tables = ReportTables.Of(report);
        var losses = report.Record.Runs.Select(r => r.Loss).Distinct(StringComparer.Ordinal).ToList();
        var drawn = figures.Select(f => FigureRender.Of(f.Stem, Draw(f, report, losses), f.Kind == FigureKind.Pgr ? PgrPlot.Width(report) : FigureRender.Width)).ToList();

        var files = new List<ReportFile>
        {
            new(Markdown, Utf8(ReportMarkdown.Render(report, figures, tables))),
            new(Html, Utf8(ReportHtml.Render(report, figures, drawn, tables))),
        };
        foreach (var d in drawn)
        {
            files.Add(new ReportFile(d.Stem + ".png", d.Png));
            files.Add(new ReportFile(d.Stem + ".svg", Utf8(d.Svg)));
        }
        return files;
    }

    static Plot Draw(ReportFigure figure, RunReport report, IReadOnlyList<string> losses) => figure.Kind switch
    {
        FigureKind.AccuracyVsSize => AccuracyVsSizePlot.Draw(figure, report.Size.Single(p => p.Weak == figure.Panel), losses, report.Record.IsRewardModel),
        FigureKind.Pgr => PgrPlot.Draw(figure, report, losses),
        FigureKind.TransferCurve => TransferCurvePlot.Draw(figure, report, losses),
        FigureKind.Bootstrap => BootstrapPlot.Draw(figure, report),
        FigureKind.TrainingLoss => TrainingLossPlot.Draw(figure, report),
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure.Kind, "no drawing for this figure kind"),
    };

    static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
}
