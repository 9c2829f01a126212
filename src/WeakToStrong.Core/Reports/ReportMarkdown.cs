using System.Text;
using WeakToStrong.Core.Results;

namespace WeakToStrong.Core.Reports;

/// <summary>
/// report.md: what run it is, each figure (PNG, with its SVG beside it) and its caption, then a table of every number
/// plotted. Dated by the record's finishedAt, never the clock: the same record gives the same bytes.
/// </summary>
public static class ReportMarkdown
{
    public static string Render(RunReport report, IReadOnlyList<ReportFigure> figures, IReadOnlyList<ReportTable> tables)
    {
        var md = new StringBuilder();
        md.Append($"# {ReportFacts.Title(report)}\n\n");
        foreach (var (name, value) in ReportFacts.Of(report)) md.Append($"- {name}: {value}\n");
        foreach (var note in ReportFacts.Notes(report)) md.Append($"\n{note}\n");
        foreach (var f in figures)
            md.Append($"\n## {f.Title}\n\n![{f.Title}]({f.Stem}.png)\n\n{f.Caption} ([SVG]({f.Stem}.svg))\n");
        md.Append("\n## Every number plotted\n");
        foreach (var t in tables)
        {
            md.Append($"\n### {t.Title}\n\n| {string.Join(" | ", t.Header)} |\n|{string.Concat(t.Header.Select(_ => "---|"))}\n");
            foreach (var row in t.Rows) md.Append($"| {string.Join(" | ", row.Select(Cell))} |\n");
        }
        return md.ToString();
    }

    /// <summary>A '|' would end the cell.</summary>
    static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

/// <summary>The lines that say which run a report is about, and what it cannot show, shared by the Markdown and the HTML.</summary>
public static class ReportFacts
{
    public static string Title(RunReport report) =>
        $"Run report: {report.Record.Experiment} ({report.Record.Scale}) {report.Record.RunKey[..Math.Min(12, report.Record.RunKey.Length)]}";

    public static IReadOnlyList<(string Name, string Value)> Of(RunReport report)
    {
        var r = report.Record;
        return
        [
            ("experiment", report.Input.Version is { } v ? $"{r.Experiment} {v}" : r.Experiment),
            ("scale", r.Scale),
            ("setting", r.Setting),
            ("run key", r.RunKey),
            ("commit", r.Commit is null ? "unknown" : r.Commit + (r.Dirty ? " (dirty)" : "")),
            ("finished", r.FinishedAt),
            ("seeds", string.Join(", ", report.Input.Seeds.Select(Numbers.Int))),
            ("test items per seed", Numbers.Int(r.TestSize)),
            ("models", string.Join(", ", report.Input.Models.Select(m =>
                $"{m.Name} = {m.Family}{(m.Size is null ? "" : " " + m.Size)} ({(m.Parameters is { } n ? ReportNumbers.Parameters(n) : "size unknown")})"))),
        ];
    }

    /// <summary>What the record does not have, said rather than drawn empty.</summary>
    public static IReadOnlyList<string> Notes(RunReport report)
    {
        var notes = new List<string>();
        if (!report.HasSchedule)
            notes.Add($"No accuracy-during-transfer figure (Fig. 7): the run evaluated only its final checkpoints (training.evalEvery = {report.Input.EvalEvery}); " +
                      "set training.evalEvery to a step count to record a schedule.");
        var unsized = report.Input.Models.Where(m => m.Parameters is null).Select(m => m.Name).ToList();
        if (unsized.Count > 0) notes.Add($"Left off the size axis (parameter count unknown): {string.Join(", ", unsized)}.");
        return notes;
    }
}

/// <summary>Parameter counts as the report writes them: 3.38M, 124M.</summary>
public static class ReportNumbers
{
    public static string Parameters(long n) => n switch
    {
        >= 100_000_000 => (n / 1e6).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "M",
        >= 10_000_000 => (n / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "M",
        >= 1_000_000 => (n / 1e6).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "M",
        _ => (n / 1e3).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "k",
    };
}
