using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Auditing;

/// <summary>
/// `Audit` for the build host and `w2s audit`: finds the record, resolves today's manifest and plan for it, re-hashes
/// every artifact, and with <see cref="AuditRequest.Rerun"/> re-executes the run and compares the gated metrics.
/// </summary>
public static class RunAuditor
{
    public static async Task<AuditReport> AuditAsync(AuditRequest request, IRunProgress? progress = null, CancellationToken ct = default)
    {
        string path = RunIndex.Locate(request.RunsDirectory, request.Run);
        var record = RunRecordSchema.Read(path).Record;
        var store = new ContentStore(StoreOf(request, record));
        var current = CurrentPlan.For(record, request.ExperimentsDirectory, request.RunsDirectory);
        var report = RunAudit.Audit(path, store, current);
        if (report.IntegrityProblem is null)
        {
            var (mismatches, unchecked_) = EvaluateRederivation.Check(record, store);
            report = report with
            {
                Metrics = [.. report.Metrics, .. mismatches],
                MetricsUnchecked = unchecked_ is null ? report.MetricsUnchecked : [.. report.MetricsUnchecked, unchecked_],
            };
        }
        if (!request.Rerun) return report;

        var rerun = await RecordReplay.RunAsync(record, store, request.Threads, report.Code.Count > 0,
            progress ?? new TextProgress(Console.Out), request.CommandLine, ct);
        return report with { Rerun = rerun };
    }

    /// <summary>
    /// The store the user names; else the newest store an execution recorded (unhashed) that is still there: a re-run
    /// that took its stages from it found them there; else the user's cache folder.
    /// </summary>
    public static string StoreOf(AuditRequest request, RunRecord record)
    {
        if (request.StoreRoot is not null) return ContentStore.RootFrom(request.StoreRoot);
        return record.Executions.Reverse().Select(e => e.Store).FirstOrDefault(s => s is not null && Directory.Exists(s)) ?? ContentStore.DefaultRoot();
    }
}
