using WeakToStrong.Core.Reports;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Reports;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Application;

/// <summary>What `report` is asked for: a run (key, unique key prefix or record path) and where the report goes.</summary>
public sealed record ReportRequest
{
    public required string RunsDirectory { get; init; }

    public required string Run { get; init; }

    /// <summary>Null: <see cref="ReportVerb.DefaultDirectory"/>, beside the record.</summary>
    public string? OutputDirectory { get; init; }
}

/// <summary>What `report` made: the run, its record, the report folder (absolute), every file in it (in render order) and
/// those whose bytes changed (an unchanged file is not rewritten).</summary>
public sealed record ReportResult(string RunKey, string RecordPath, string Directory, IReadOnlyList<string> Files, IReadOnlyList<string> Written,
    RunReport Report)
{
    /// <summary>The record's executions in one line: the first computation and how often the run was executed again.</summary>
    public string? History { get; init; }
}

/// <summary>
/// `report`: a run's report from its record alone (no store): Core's <see cref="RunReport"/> drawn by
/// <see cref="ReportRenderer"/> into report.md, report.html and PNG + SVG figures. Also written at the end of every
/// `reproduce`. Writes only files whose bytes changed, so re-rendering the same record leaves the folder as it was.
/// </summary>
public static class ReportVerb
{
    /// <summary>runs/&lt;experiment&gt;/reports/&lt;run key&gt;/: beside the record, out of the way of the records' listing.</summary>
    public static string DefaultDirectory(string recordPath, string runKey) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(recordPath))!, "reports", runKey);

    /// <exception cref="FileNotFoundException">No record matches the run (the message says where it looked), or no font for the figures.</exception>
    /// <exception cref="InvalidOperationException">A key prefix matches several runs.</exception>
    /// <exception cref="InvalidDataException">The record is damaged; the message starts with its path.</exception>
    public static ReportResult Run(ReportRequest request)
    {
        string path = RunIndex.Locate(Path.GetFullPath(request.RunsDirectory), request.Run);
        return Write(path, request.OutputDirectory);
    }

    /// <summary>The report of the record at <paramref name="recordPath"/>, into <paramref name="outputDirectory"/> or the default folder.</summary>
    public static ReportResult Write(string recordPath, string? outputDirectory = null)
    {
        string? given = outputDirectory is null ? null : OutputTarget.Folder(outputDirectory);
        var (input, record) = ReportRecords.Read(recordPath);
        var report = RunReport.Of(input);
        var files = ReportRenderer.Render(report);
        string directory = given ?? Path.GetFullPath(DefaultDirectory(recordPath, record.RunKey));
        var written = new List<string>();
        foreach (var file in files)
        {
            // Each file of the report is an output file too: one of its names may be taken by a folder or a FIFO.
            string target = OutputTarget.File(Path.Combine(directory, file.Name));
            if (OutputTarget.Holds(target, file.Bytes)) continue;
            OutputTarget.Write(target, file.Bytes);
            written.Add(file.Name);
        }
        return new ReportResult(record.RunKey, Path.GetFullPath(recordPath), directory, files.Select(f => f.Name).ToList(), written, report)
        {
            History = RunHistoryText.Line(record),
        };
    }
}
