using System.Text;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Application.RunsTable;

namespace WeakToStrong.Runner.Application.RunsIndex;

/// <summary>What writing the index did: where it is, how many runs it lists, and whether its bytes changed.</summary>
public sealed record RunsIndexResult(string Path, int Runs, bool Written);

/// <summary>
/// runs/index.html: every recorded run, one section per experiment with that experiment's runs table (the paths at
/// which its runs differ, gated metrics, PGR with interval), each run's figures and links to its report and record,
/// all relative, so the folder can be opened from a file:// URL, copied or archived whole. Written by `report --index`
/// and after every `reproduce`; rewritten only when its bytes change.
/// </summary>
public static class RunsIndexVerb
{
    public const string FileName = "index.html";

    public static RunsIndexPage Read(string runsDirectory)
    {
        string directory = Path.GetFullPath(runsDirectory);
        var experiments = RunIndex.List(directory).Select(r => r.Experiment).Distinct().Order(StringComparer.Ordinal);
        var sections = experiments.Select(e =>
        {
            var table = RunsTableVerb.Run(new RunsTableRequest { RunsDirectory = directory, Experiment = e });
            return new IndexSection(e, table, table.Rows.Select(r => Run(directory, r)).ToList());
        }).Where(s => s.Runs.Count > 0 || s.Table.Skipped.Count > 0).ToList();
        return new RunsIndexPage(directory, sections);
    }

    /// <exception cref="WeakToStrong.Provenance.Files.UserFileException">runs/index.html is a folder or a special file; one line.</exception>
    public static RunsIndexResult Write(string runsDirectory)
    {
        var page = Read(runsDirectory);
        string path = OutputTarget.File(Path.Combine(page.RunsDirectory, FileName));
        byte[] bytes = Encoding.UTF8.GetBytes(RunsIndexHtml.Render(page));
        bool changed = !OutputTarget.Holds(path, bytes);
        if (changed) OutputTarget.Write(path, bytes);
        return new RunsIndexResult(path, page.RunCount, changed);
    }

    static IndexRun Run(string runsDirectory, RunsRow row)
    {
        string reports = ReportVerb.DefaultDirectory(row.RecordPath, row.RunKey);
        string? report = File.Exists(Path.Combine(reports, WeakToStrong.Reports.ReportRenderer.Html)) ? Relative(runsDirectory, Path.Combine(reports, WeakToStrong.Reports.ReportRenderer.Html)) : null;
        var figures = Directory.Exists(reports)
            ? Directory.GetFiles(reports, "*.png").Order(StringComparer.Ordinal).Select(png =>
            {
                string svg = Path.ChangeExtension(png, ".svg");
                return new IndexFigure(Relative(runsDirectory, png), File.Exists(svg) ? Relative(runsDirectory, svg) : null);
            }).ToList()
            : [];
        return new IndexRun(row, Relative(runsDirectory, row.RecordPath), report, figures);
    }

    /// <summary>A path under the runs folder as a relative URL: '/' separators, each segment percent-escaped.</summary>
    static string Relative(string runsDirectory, string path) =>
        string.Join('/', Path.GetRelativePath(runsDirectory, path).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
}
