using WeakToStrong.Runner.Application.RunsTable;

namespace WeakToStrong.Runner.Application.RunsIndex;

/// <summary>One run of the index: its table row, and what its report folder holds (paths relative to the index).</summary>
/// <param name="Report">"brown-genre/reports/&lt;key&gt;/report.html"; null when the run has no report yet.</param>
/// <param name="Figures">The report's PNG figures, each with its SVG where there is one, in file-name order.</param>
public sealed record IndexRun(RunsRow Row, string Record, string? Report, IReadOnlyList<IndexFigure> Figures);

public sealed record IndexFigure(string Png, string? Svg);

/// <summary>One experiment's section: its runs table (columns: the paths at which its own runs differ) and its runs.</summary>
public sealed record IndexSection(string Experiment, RunsTableResult Table, IReadOnlyList<IndexRun> Runs);

/// <summary>What runs/index.html shows: one section per experiment, in name order.</summary>
public sealed record RunsIndexPage(string RunsDirectory, IReadOnlyList<IndexSection> Sections)
{
    public int RunCount => Sections.Sum(s => s.Runs.Count);
}
