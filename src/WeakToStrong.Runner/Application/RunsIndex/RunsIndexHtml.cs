using System.Net;
using System.Text;
using WeakToStrong.Runner.Application.RunsTable;

namespace WeakToStrong.Runner.Application.RunsIndex;

/// <summary>
/// runs/index.html as text: inline CSS, no scripts, no fonts, images or styles from anywhere else (it must work from a
/// file:// URL and offline), every link relative to the runs folder. The same records and report folders give the same
/// bytes: nothing in it comes from the clock or from where the folder lies.
/// </summary>
public static class RunsIndexHtml
{
    public static string Render(RunsIndexPage page)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Runs</title>\n<style>\n")
            .Append("body{font-family:'DejaVu Sans',sans-serif;margin:2em auto;max-width:1400px;padding:0 1em;color:#222}\n")
            .Append("table.runs{border-collapse:collapse;margin:1em 0;font-size:0.85em}table.runs th,table.runs td{border:1px solid #ccc;padding:0.2em 0.5em;text-align:left;white-space:nowrap}\n")
            .Append("table.runs th{background:#f3f3f3}table.runs td.num{text-align:right}\n")
            .Append("section.run{border-top:1px solid #ddd;margin-top:1.5em}.figures{display:flex;flex-wrap:wrap;gap:0.5em}.figures img{width:320px;height:auto;border:1px solid #eee}\n")
            .Append(".note{color:#666;font-size:0.9em}.scroll{overflow-x:auto;max-width:100%}\n</style>\n</head>\n<body>\n<h1>Runs</h1>\n")
            .Append($"<p class=\"note\">{page.RunCount} run{(page.RunCount == 1 ? "" : "s")} of {page.Sections.Count} experiment{(page.Sections.Count == 1 ? "" : "s")}, ")
            .Append("from the run records in this folder (written by <code>w2s report --index</code> and after every reproduce). ")
            .Append("Per experiment, the columns after the run's own are the manifest paths at which its runs differ, the gated metrics and each pair's PGR with its 95% paired bootstrap interval.</p>\n");
        if (page.Sections.Count == 0) html.Append("<p>No runs recorded yet.</p>\n");
        foreach (var section in page.Sections) Section(html, section);
        return html.Append("</body>\n</html>\n").ToString();
    }

    const int MaxCell = 60;

    static void Section(StringBuilder html, IndexSection section)
    {
        var columns = RunsCells.Shown(section.Table);
        html.Append($"<h2 id=\"{E("experiment-" + section.Experiment)}\">{E(section.Experiment)}</h2>\n<div class=\"scroll\">\n<table class=\"runs\">\n<tr>")
            .Append(string.Concat(columns.Select(c => $"<th>{E(c.Name)}</th>"))).Append("<th>report</th></tr>\n");
        foreach (var run in section.Runs)
        {
            html.Append($"<tr id=\"row-{E(run.Row.RunKey)}\">");
            foreach (var c in columns)
            {
                string full = RunsCells.Text(run.Row, c);
                // A manifest value can be a whole object (a model's spec): cut in the cell, whole in its tooltip.
                string cell = full.Length > MaxCell ? $"<span title=\"{E(full)}\">{E(full[..(MaxCell - 1)])}…</span>" : E(full);
                html.Append(c.Name == "run" ? $"<td><a href=\"#run-{E(run.Row.RunKey)}\">{cell}</a></td>"
                    : c.Numeric ? $"<td class=\"num\">{cell}</td>" : $"<td>{cell}</td>");
            }
            html.Append(run.Report is null ? "<td>-</td>" : $"<td><a href=\"{E(run.Report)}\">report</a></td>").Append("</tr>\n");
        }
        html.Append("</table>\n</div>\n");
        foreach (var skipped in section.Table.Skipped)
            html.Append($"<p class=\"note\">Not listed: {E(Path.GetFileName(skipped.RecordPath))}: {E(skipped.Reason)}</p>\n");
        foreach (var run in section.Runs) Run(html, run);
    }

    static void Run(StringBuilder html, IndexRun run)
    {
        string key = run.Row.RunKey;
        html.Append($"<section class=\"run\" id=\"run-{E(key)}\">\n<h3>{E(Heading(run))}</h3>\n<p>")
            .Append(run.Report is null
                ? $"No report yet (<code>w2s report --run {E(key[..Math.Min(12, key.Length)])}</code> writes it). "
                : $"<a href=\"{E(run.Report)}\">report</a> · ")
            .Append($"<a href=\"{E(run.Record)}\">record</a></p>\n");
        if (run.Figures.Count > 0)
        {
            html.Append("<div class=\"figures\">\n");
            foreach (var f in run.Figures)
            {
                string img = $"<img src=\"{E(f.Png)}\" alt=\"{E(FigureName(f.Png))}\" width=\"320\">";
                html.Append(f.Svg is null ? img : $"<a href=\"{E(f.Svg)}\">{img}</a>").Append('\n');
            }
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
    }

    /// <summary>"brown-genre 79a98310ab30 (cpu, finished 2026-12-05T…)".</summary>
    static string Heading(IndexRun run)
    {
        var cells = run.Row.Cells;
        string key = run.Row.RunKey;
        return $"{run.Row.Experiment} {key[..Math.Min(12, key.Length)]} ({cells.GetValueOrDefault("scale")}, finished {cells.GetValueOrDefault("finished") ?? "-"})";
    }

    static string FigureName(string relativePng) => Uri.UnescapeDataString(relativePng[(relativePng.LastIndexOf('/') + 1)..]);

    static string E(string text) => WebUtility.HtmlEncode(text);
}
