using System.Net;
using System.Text;
using WeakToStrong.Core.Reports;

namespace WeakToStrong.Reports;

/// <summary>
/// report.html: one self-contained page (no scripts, no external files): the run's facts, each figure as inline SVG
/// (text stays text, and the bytes are the SVG files' own), its caption, then the tables of every number plotted.
/// </summary>
public static class ReportHtml
{
    public static string Render(RunReport report, IReadOnlyList<ReportFigure> figures, IReadOnlyList<FigureFile> files, IReadOnlyList<ReportTable> tables)
    {
        string title = E(ReportFacts.Title(report));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append($"<title>{title}</title>\n<style>\n")
            .Append("body{font-family:'DejaVu Sans',sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}\n")
            .Append("table{border-collapse:collapse;margin:1em 0;font-size:0.85em}th,td{border:1px solid #ccc;padding:0.2em 0.5em;text-align:left}\n")
            .Append("th{background:#f3f3f3}figure{margin:1.5em 0}figcaption{font-size:0.9em;color:#444}svg{max-width:100%;height:auto}\n")
            .Append("</style>\n</head>\n<body>\n")
            .Append($"<h1>{title}</h1>\n<ul>\n");
        foreach (var (name, value) in ReportFacts.Of(report)) html.Append($"<li>{E(name)}: {E(value)}</li>\n");
        html.Append("</ul>\n");
        foreach (var note in ReportFacts.Notes(report)) html.Append($"<p>{E(note)}</p>\n");
        foreach (var f in figures)
        {
            var file = files.Single(x => x.Stem == f.Stem);
            html.Append($"<figure id=\"{f.Stem}\">\n<h2>{E(f.Title)}</h2>\n").Append(InlineSvg(file.Svg)).Append('\n')
                .Append($"<figcaption>{E(f.Caption)}</figcaption>\n</figure>\n");
        }
        html.Append("<h2>Every number plotted</h2>\n");
        foreach (var t in tables)
        {
            html.Append($"<h3>{E(t.Title)}</h3>\n<table>\n<tr>{string.Concat(t.Header.Select(h => $"<th>{E(h)}</th>"))}</tr>\n");
            foreach (var row in t.Rows) html.Append($"<tr>{string.Concat(row.Select(c => $"<td>{E(c)}</td>"))}</tr>\n");
            html.Append("</table>\n");
        }
        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The SVG without its XML declaration, which may not stand inside an HTML document.</summary>
    static string InlineSvg(string svg)
    {
        string text = svg.TrimStart();
        if (text.StartsWith("<?xml", StringComparison.Ordinal)) text = text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart();
        return text.TrimEnd();
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
