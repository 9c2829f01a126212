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
        var store = new ContentStore(request.StoreRoot ?? ContentStore.DefaultRoot());
        var (record, _) = RunAudit.ReadLenient(path);
        var current = CurrentPlan.For(record, request.ExperimentsDirectory, request.RunsDirectory);
        var report = RunAudit.Audit(path, store, current);
        if (!request.Rerun) return report;

        var rerun = await RecordReplay.RunAsync(record, store, request.Threads, report.Code.Count > 0,
            progress ?? new ConsoleProgress(), request.CommandLine, ct);
        return report with { Rerun = rerun };
    }
}
