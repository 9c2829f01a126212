using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// `reproduce`: runs (or resumes) the request's experiment through <see cref="Reproduction"/>, writes its record,
/// then its report beside the record (<see cref="ReportVerb"/>: runs/&lt;experiment&gt;/reports/&lt;run key&gt;/) and
/// runs/index.html (<see cref="RunsIndex.RunsIndexVerb"/>).
/// The caller says where progress goes: the verb has no console of its own.
/// </summary>
public static class ReproduceVerb
{
    /// <exception cref="UserError">Unknown experiment, or a manifest or override error, before any stage runs.</exception>
    /// <exception cref="Execution.StageFailedException">A stage failed; finished stages stay cached for the next attempt.</exception>
    public static async Task<ReproduceResult> RunAsync(ReproduceRequest request, IRunProgress progress, CancellationToken ct = default)
    {
        var result = await Reproduction.RunAsync(request, progress, ct);
        return WithReport(result);
    }

    /// <summary>
    /// The report of a finished run. A report that cannot be drawn does not fail the run: the record is what the run
    /// produced, and `report` re-renders from it at any time; the reason is returned instead.
    /// </summary>
    public static ReproduceResult WithReport(ReproduceResult result)
    {
        if (result.Detached is not null) return result; // nothing ran here yet: the collecting run writes the report
        try
        {
            string directory = ReportVerb.Write(result.RecordPath).Directory;
            // runs/index.html lists every run: the runs folder is the one above this record's experiment folder.
            RunsIndex.RunsIndexVerb.Write(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(result.RecordPath)))!);
            return result with { ReportDirectory = directory };
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return result with { ReportError = e.Message.ReplaceLineEndings(" ") };
        }
    }
}
