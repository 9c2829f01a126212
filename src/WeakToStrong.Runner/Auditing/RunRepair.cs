using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Auditing;

/// <summary>
/// What a repair did: the audit before, the stages it had to compute again (in plan order), the record the repair run
/// wrote and its audit, and the quarantine notes written meanwhile. <see cref="Clean"/> when the after-audit is.
/// </summary>
public sealed record RepairResult(AuditReport Before, IReadOnlyList<string> Recomputed, string RunKey, string RecordPath,
    AuditReport After, IReadOnlyList<QuarantineNote> Quarantined)
{
    public bool Clean => After.Clean;

    /// <summary>True when the repaired run has another key than the audited one (a stage computed other bytes the second time).</summary>
    public bool KeyChanged => Before.RunKey != RunKey;
}

/// <summary>
/// `Audit --repair`: runs the record's own resolved manifest again on the record's store, where every stage whose cache
/// entry or outputs are damaged or missing is computed again (damaged objects go to quarantine on the way) and every
/// other stage is taken from the cache; then audits the record that run wrote.
/// </summary>
public static class RunRepair
{
    public static async Task<RepairResult> RepairAsync(AuditRequest request, IRunProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= new ConsoleProgress();
        var before = await RunAuditor.AuditAsync(request with { Rerun = false }, progress, ct);
        var (record, _) = RunAudit.ReadLenient(before.RecordPath);
        string storeRoot = RunAuditor.StoreOf(request, record);
        var quarantinedBefore = Quarantine.List(storeRoot).Select(n => n.File).ToHashSet(StringComparer.Ordinal);

        string scratch = Directory.CreateDirectory(Path.Combine(storeRoot, "tmp", $"repair-{Guid.NewGuid():N}")).FullName;
        var counting = new CountingProgress(progress);
        ReproduceResult result;
        try
        {
            string? scale = (string?)record.Hashed["scale"];
            File.WriteAllText(Path.Combine(scratch, record.Experiment + ".json"), RecordReplay.ReplayManifest(record.Hashed, scale));
            result = await Reproduction.RunAsync(new ReproduceRequest
            {
                Experiment = record.Experiment,
                ExperimentsDirectory = scratch,
                RunsDirectory = request.RunsDirectory,
                StoreRoot = storeRoot,
                Scale = scale,
                Device = (string?)record.Provenance["device"] ?? "cpu",
                // The record's thread count: a different one may compute other bits (ARCHITECTURE §2.1).
                Threads = request.Threads ?? (int?)record.Provenance["threads"],
                CommandLine = request.CommandLine,
            }, counting, ct);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        var after = await RunAuditor.AuditAsync(request with { Run = result.RecordPath, Rerun = false, StoreRoot = storeRoot }, progress, ct);
        var quarantined = Quarantine.List(storeRoot).Where(n => !quarantinedBefore.Contains(n.File)).ToList();
        return new RepairResult(before, counting.Started, result.RunKey, result.RecordPath, after, quarantined);
    }

    /// <summary>Passes everything on and remembers which stages were computed rather than taken from the cache.</summary>
    sealed class CountingProgress(IRunProgress inner) : IRunProgress
    {
        readonly List<string> _started = [];
        public IReadOnlyList<string> Started => _started;
        public void StageStarted(string stageId, string kind, int index, int total)
        {
            _started.Add(stageId);
            inner.StageStarted(stageId, kind, index, total);
        }
        public void StageCached(string stageId, string kind, int index, int total) => inner.StageCached(stageId, kind, index, total);
        public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond) => inner.StageStep(stageId, step, totalSteps, loss, tokensPerSecond);
        public void StageFinished(string stageId, TimeSpan elapsed, string summary) => inner.StageFinished(stageId, elapsed, summary);
        public void Info(string message) => inner.Info(message);
    }
}
