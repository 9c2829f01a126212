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
/// `Audit --repair`: runs the recorded experiment again on the record's store (today's manifest when it resolves to the
/// recorded one, else the record's own resolved manifest), where every stage whose cache entry or outputs are damaged
/// or missing is computed again (damaged objects go to quarantine on the way), every stage whose input objects changed
/// too, and every other stage is taken from the cache; then audits the record that run wrote.
/// </summary>
public static class RunRepair
{
    public static async Task<RepairResult> RepairAsync(AuditRequest request, IRunProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= new TextProgress(Console.Out);
        var before = await RunAuditor.AuditAsync(request with { Rerun = false }, progress, ct);
        var record = RunRecordSchema.Read(before.RecordPath).Record;
        string storeRoot = RunAuditor.StoreOf(request, record);
        var quarantinedBefore = Quarantine.List(storeRoot).Select(n => n.File).ToHashSet(StringComparer.Ordinal);

        var counting = new CountingProgress(progress);
        string? scale = (string?)record.Hashed["scale"];
        var repair = new ReproduceRequest
        {
            Experiment = record.Experiment,
            ExperimentsDirectory = request.ExperimentsDirectory,
            RunsDirectory = request.RunsDirectory,
            StoreRoot = storeRoot,
            Scale = scale,
            Sets = CurrentPlan.Overrides(record.First),
            Device = record.First.Device ?? "cpu",
            // The record's thread count: a different one may compute other bits (docs/architecture.md §9).
            Threads = request.Threads ?? record.First.Threads,
            CommandLine = request.CommandLine,
        };
        // Today's manifest when it resolves to the recorded one (its data paths resolve from the repository as
        // always); otherwise the record's own, written to scratch, so that the repair computes what the record says.
        bool sameManifest = before.ManifestCompared && before.Manifest is null && before.ManifestProblem is null;
        string? scratch = sameManifest ? null : Directory.CreateDirectory(Path.Combine(storeRoot, "tmp", $"repair-{Guid.NewGuid():N}")).FullName;
        ReproduceResult result;
        try
        {
            if (scratch is not null)
            {
                File.WriteAllText(Path.Combine(scratch, record.Experiment + ".json"), RecordReplay.ReplayManifest(record.Hashed, scale));
                repair = repair with { ExperimentsDirectory = scratch, Sets = [] };
            }
            result = await Reproduction.RunAsync(repair, counting, ct);
        }
        finally
        {
            if (scratch is not null) Directory.Delete(scratch, recursive: true);
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
        public void RunStarted(IReadOnlyList<string> stageKinds) => inner.RunStarted(stageKinds);
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
