using WeakToStrong.Core.Results;
using WeakToStrong.Runner.Results;

namespace WeakToStrong.Runner.Application;

/// <summary>What `results` is asked for: where the records are, where the Markdown goes, which scale.</summary>
public sealed record ResultsRequest
{
    public required string RunsDirectory { get; init; }

    /// <summary>docs/results.md by convention; null writes nothing (the result still carries the text).</summary>
    public string? OutputPath { get; init; }

    /// <summary>Only records of this scale; null: every scale, each experiment once per scale.</summary>
    public string? Scale { get; init; }
}

/// <summary>What `results` made: the report, its Markdown, where it was written (absolute) and the records it used.</summary>
public sealed record ResultsResult(ResultsReport Report, string Markdown, string? OutputPath, int RecordsFound);

/// <summary>
/// `results`: docs/results.md from the newest run record per (experiment, scale), through Core's pure report
/// (<see cref="ResultsReport"/>, <see cref="ResultsMarkdown"/>). Reads only records, so it runs without the store,
/// and writes only when the text changed, so regenerating from the same records leaves the file as it was.
/// </summary>
public static class ResultsVerb
{
    /// <exception cref="InvalidDataException">A record is damaged; the message starts with its path.</exception>
    public static ResultsResult Run(ResultsRequest request)
    {
        string? path = request.OutputPath is null ? null : OutputTarget.File(request.OutputPath);
        var all = ResultRecords.ReadAll(Path.GetFullPath(request.RunsDirectory));
        var report = ResultsReport.Of(ResultsReport.Newest(all, request.Scale), request.Scale);
        string markdown = ResultsMarkdown.Render(report);
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(markdown);
        if (path is not null && !OutputTarget.Holds(path, bytes)) OutputTarget.Write(path, bytes);
        return new ResultsResult(report, markdown, path, all.Count);
    }
}
