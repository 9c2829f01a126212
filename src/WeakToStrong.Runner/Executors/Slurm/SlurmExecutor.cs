using System.Diagnostics;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>What a Slurm submission left: the plan's stages once all are in the store (null when detached), and its jobs.</summary>
public sealed record SlurmRun(IReadOnlyList<ExecutedStage>? Stages, string? PlanFile, IReadOnlyDictionary<string, string> Jobs, IReadOnlyList<string> Submitted);

/// <summary>
/// `--executor slurm` (docs/cluster.md): checks the cluster (<see cref="SlurmPreflight"/>), submits a job per stage
/// not complete in the store (<see cref="StageJobs"/>), follows them until every one has ended, then reads every
/// stage from the store, as the local executor's cached path does, so the record built from them is the same.
/// </summary>
public static class SlurmExecutor
{
    public static async Task<SlurmRun> RunAsync(Plan plan, ContentStore store, int threads, string device, SlurmOptions options,
        IRunProgress progress, CancellationToken ct = default)
    {
        SlurmPreflight.RequireClient();
        await SlurmPreflight.RequireControllerAsync(ct);

        var before = StoredStages.Read(plan, store).Stored;
        var pending = plan.Stages.Where(s => !before.ContainsKey(s.Id)).ToList();
        progress.RunStarted(plan.Stages.Select(s => s.Kind.Name()).ToList());
        if (pending.Count == 0)
        {
            progress.Info("slurm: every stage is in the store; nothing to submit");
            return new SlurmRun(Collect(plan, store, before.Keys, new Dictionary<string, SlurmJobState>()), null, new Dictionary<string, string>(), []);
        }

        string planFile = PlanFile.Write(store.Root, plan);
        // A detached submission's jobs still queued: they hold the node, so a probe job would wait behind them (42 s
        // measured for the tiny plan on the localhost cluster), and they prove the store was visible when submitted.
        var queued = await StageJobs.StillQueuedAsync(planFile, store.Root, ct);
        if (queued.Count > 0)
            progress.Info($"slurm: {queued.Count} jobs of an earlier submission are still queued; following them (no probe job)");
        else
        {
            var probe = Stopwatch.StartNew();
            var command = options.StageCommand(new StageJob("", "", store.Root, threads, device));
            await SlurmPreflight.RequireSharedStoreAsync(store.Root, command[0], StageJobs.Placement(options), ct);
            progress.Info($"slurm: store {store.Root} is shared with the nodes (probe job, {probe.Elapsed.TotalSeconds:F1} s)");
        }
        // Read again: jobs of an earlier submission may have ended since, their stages now stored, not to be submitted twice.
        before = StoredStages.Read(plan, store).Stored;
        pending = plan.Stages.Where(s => !before.ContainsKey(s.Id)).ToList();

        var states = await SlurmJobStates.OpenAsync(ct);
        var submit = Stopwatch.StartNew();
        var (jobs, submitted) = await StageJobs.SubmitAsync(plan, pending, planFile, store.Root, threads, device, options, ct);
        progress.Info($"slurm: {submitted.Count} jobs submitted in {submit.Elapsed.TotalSeconds:F1} s"
            + (jobs.Count > submitted.Count ? $", {jobs.Count - submitted.Count} still queued from an earlier submission" : "")
            + $"; {before.Count} stages already in the store; plan {planFile}");
        foreach (var (index, stage) in plan.Stages.Index().Where(s => before.ContainsKey(s.Item.Id)))
            progress.StageCached(stage.Id, stage.Kind.Name(), index + 1, plan.Stages.Count);
        if (options.Detach)
            return new SlurmRun(null, planFile, jobs, submitted);

        var ended = await WaitAsync(plan, store.Root, jobs, states, options.PollInterval, progress, ct);
        if (Failure(plan, store.Root, jobs, ended) is { } failure) throw failure;
        return new SlurmRun(Collect(plan, store, before.Keys, ended), planFile, jobs, submitted);
    }

    /// <summary>Polls until every job has left the queue, telling <paramref name="progress"/> when each starts and ends.</summary>
    static async Task<Dictionary<string, SlurmJobState>> WaitAsync(Plan plan, string storeRoot, IReadOnlyDictionary<string, string> jobs,
        SlurmJobStates states, TimeSpan poll, IRunProgress progress, CancellationToken ct)
    {
        var ended = new Dictionary<string, SlurmJobState>(StringComparer.Ordinal);
        var running = new Dictionary<string, Stopwatch>(StringComparer.Ordinal);
        while (ended.Count < jobs.Count)
        {
            var live = await SlurmJobStates.LiveAsync(ct);
            foreach (var (index, stage) in plan.Stages.Index())
            {
                if (!jobs.TryGetValue(stage.Id, out var job) || ended.ContainsKey(stage.Id)) continue;
                if (live.TryGetValue(job, out var state))
                {
                    if (state == "RUNNING" && !running.ContainsKey(stage.Id))
                    {
                        running[stage.Id] = Stopwatch.StartNew();
                        progress.StageStarted(stage.Id, stage.Kind.Name(), index + 1, plan.Stages.Count);
                    }
                    continue;
                }
                if (await states.FinishedAsync(job, ct) is not { } end) continue; // left the queue, not yet written down
                ended[stage.Id] = end;
                if (end.Completed)
                    progress.StageFinished(stage.Id, end.Elapsed ?? running.GetValueOrDefault(stage.Id)?.Elapsed ?? TimeSpan.Zero, $"slurm job {job}");
                else if (end.Ran)
                    progress.Info($"✗ {stage.Id}: slurm job {job} {end.State} (exit {end.ExitCode}); log {StageJobs.LogFile(storeRoot, plan, stage, job)}");
                else
                    progress.Info($"✗ {stage.Id}: slurm job {job} {end.State} before it ran (a job it depends on failed)");
            }
            if (ended.Count < jobs.Count) await Task.Delay(poll, ct);
        }
        return ended;
    }

    /// <summary>
    /// The first stage (in plan order) whose job ran and did not complete, naming its job and log; else the first
    /// that Slurm cancelled before it ran. Null when every job completed.
    /// </summary>
    static StageFailedException? Failure(Plan plan, string storeRoot, IReadOnlyDictionary<string, string> jobs, IReadOnlyDictionary<string, SlurmJobState> ended)
    {
        var failed = plan.Stages.Where(s => ended.TryGetValue(s.Id, out var e) && !e.Completed).ToList();
        var stage = failed.FirstOrDefault(s => ended[s.Id].Ran) ?? failed.FirstOrDefault();
        if (stage is null) return null;
        var end = ended[stage.Id];
        string log = StageJobs.LogFile(storeRoot, plan, stage, jobs[stage.Id]);
        string cause = end.Ran
            ? $"Slurm job {end.JobId} {end.State} (exit {end.ExitCode}); log {log}"
            : $"Slurm job {end.JobId} {end.State} before it ran; log {log}";
        return new StageFailedException(stage.Id, new SlurmJobFailedException(cause));
    }

    /// <summary>Every stage from the store, in plan order, as the local executor returns them.</summary>
    static List<ExecutedStage> Collect(Plan plan, ContentStore store, IEnumerable<string> cachedBefore, IReadOnlyDictionary<string, SlurmJobState> ended)
    {
        var cached = cachedBefore.ToHashSet(StringComparer.Ordinal);
        var cache = new StageCache(store);
        var done = new Dictionary<string, ExecutedStage>(StringComparer.Ordinal);
        var inputs = new StageInputs(store, done);
        foreach (var stage in plan.Stages)
        {
            if (cache.TryGet(stage.Key, inputs.RefsOf(stage), out string why) is not { } output)
                throw new StageFailedException(stage.Id, new SlurmJobFailedException(
                    $"its job completed but the stage is not in the store {store.Root} ({why}); is the store the nodes' shared one?"));
            var elapsed = ended.TryGetValue(stage.Id, out var end) && end.Elapsed is { } e ? e : TimeSpan.Zero;
            done[stage.Id] = new ExecutedStage(stage, output, cached.Contains(stage.Id), elapsed, new JsonObject());
        }
        return plan.Stages.Select(s => done[s.Id]).ToList();
    }
}
