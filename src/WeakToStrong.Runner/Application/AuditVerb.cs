using WeakToStrong.Provenance.Audit;
using WeakToStrong.Runner.Auditing;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// `audit`: re-hashes a run's artifacts and compares the run with its record and today's manifest through
/// <see cref="RunAuditor"/>; <see cref="AuditReport.Clean"/> is what a front-end's exit status says.
/// The progress is a `--rerun`'s, which trains.
/// </summary>
public static class AuditVerb
{
    /// <exception cref="FileNotFoundException">No record matches the run.</exception>
    /// <exception cref="InvalidOperationException">A key prefix matches several runs.</exception>
    public static Task<AuditReport> RunAsync(AuditRequest request, IRunProgress progress, CancellationToken ct = default) =>
        RunAuditor.AuditAsync(request, progress, ct);

    /// <summary>`audit --repair`: re-runs exactly the stages whose outputs are damaged or missing, then audits again
    /// (<see cref="RunRepair"/>); <see cref="RepairResult.Clean"/> is the exit status.</summary>
    public static Task<RepairResult> RepairAsync(AuditRequest request, IRunProgress progress, CancellationToken ct = default) =>
        RunRepair.RepairAsync(request, progress, ct);
}
