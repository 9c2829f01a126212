using System.Diagnostics;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Data.Cache;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Core.Stages;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Families;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Executors.Processes;

/// <summary>
/// `--jobs N` (docs/speed.md "Stages as processes"): each stage starts as soon as its inputs are done, in plan order,
/// at the run's thread count, N at once: heavy ones (<see cref="Heavy"/>) in child processes that run the front-end's
/// stage verb on the plan file, as a Slurm job does, and light ones one at a time in this process, through the local
/// executor's own code. The lane in this process is one of the N: N stages on N × threads cores, never more, because
/// a third stage beside two on 2 cores slowed each of them more than it gained (docs/speed.md). Processes, not
/// threads: two stages on two threads of one process share its malloc arena and its no-GC region and gained nothing (docs/speed.md "Two stages at once"). A
/// stage's bits depend on the thread count, not on what ran beside it, so the record is the one a run of one stage at
/// a time at this thread count writes (its stages read back from the store, as the cached path reads them). A child's
/// output goes to `&lt;store&gt;/jobs/logs/&lt;experiment&gt;/&lt;stage&gt;.log`.
/// </summary>
public static class ProcessExecutor
{
    public static string LogDirectory(string storeRoot, Plan plan) => Path.Combine(storeRoot, "jobs", "logs", plan.ExperimentId);

    public static string LogFile(string storeRoot, Plan plan, Stage stage) =>
        Path.Combine(LogDirectory(storeRoot, plan), stage.Id.Replace('/', '_').Replace('>', '_') + ".log");

    /// <summary>
    /// Worth a process of its own: pretraining, a features pass, or training a transformer of
    /// <see cref="SmallModel"/> parameters or more that is not a probe head. A child costs about 3 s to start and check
    /// its inputs (measured on the quick start: a 1.4 s probe fit took 4.4 s as a child, a 0.7 s bag of words 4.1 s), so
    /// probe fits, the bag of words, the noisy truth, the small GPT-2s, label passes and the evaluation run in this process.
    /// </summary>
    static bool Heavy(Stage stage) => stage.Kind switch
    {
        StageKind.Pretrain or StageKind.Features => true,
        StageKind.Weak or StageKind.Ceiling or StageKind.Transfer or StageKind.Bootstrap =>
            stage.Read<TrainParameters>() is var p && !p.Model.LinearProbe && ModelFactory.WithoutNetwork(p.Model) is null
            && p.Model.Family != ModelFamily.BagOfWords
            && (ParameterCount.Of(p.Model.Family, p.Model.Size) ?? long.MaxValue) >= SmallModel,
        _ => false,
    };

    /// <summary>
    /// Below this many body parameters a fine-tune takes seconds: brown-genre's w64-l2 (3.3 M) and w128-l2 (6.7 M) weak
    /// models took 4–8 s a stage one at a time at 2 threads, and 15–22 s each as children at `--jobs 2` (2026-12-07),
    /// their start and one thread costing more than running beside the others gained. The cut MiniLM l1 (12.0 M) takes
    /// 10–40 s and stays a child.
    /// </summary>
    const long SmallModel = 10_000_000;

    /// <exception cref="StageFailedException">The first stage (in the order they ended) that failed, here or in its process.</exception>
    public static async Task<(IReadOnlyList<ExecutedStage> Stages, string PlanFile)> RunAsync(Plan plan, ContentStore store, SourceCache sources,
        int threads, string device, ProcessOptions options, IRunProgress progress, CancellationToken ct = default)
    {
        progress = new SynchronizedProgress(progress); // this lane's stage reports from its own thread
        string planFile = PlanFile.Write(store.Root, plan);
        var stored = StoredStages.Read(plan, store).Stored;
        // Decided once per stage: a stage already in the store is only read back, which this lane does.
        var heavy = plan.Stages.Where(s => !stored.ContainsKey(s.Id) && Heavy(s)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        ((IParallelProgress)progress).Lanes(options.Jobs);
        progress.RunStarted(plan.Stages.Select(s => s.Kind.Name()).ToList());
        progress.Info($"{options.Jobs} jobs: {options.Jobs} stages at once, training stages in processes of their own and the light ones here, "
            + $"each at {threads} thread{(threads == 1 ? "" : "s")}; logs {Directory.CreateDirectory(LogDirectory(store.Root, plan)).FullName}");

        var local = new PlanExecutor(store, sources, device, progress);
        var cache = new StageCache(store);
        var done = new Dictionary<string, ExecutedStage>(StringComparer.Ordinal);
        var inputs = new StageInputs(store, done);
        var index = plan.Stages.Index().ToDictionary(s => s.Item.Id, s => s.Index + 1, StringComparer.Ordinal);
        var waiting = plan.Stages.ToList();
        var children = new Dictionary<Task<Ended>, Stage>();
        (Task<ExecutedStage> Task, Stage Stage)? here = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var launcher = new ProcessLauncher();
        StageFailedException? failure = null;

        try
        {
            while (true)
            {
                // Start what can start, in plan order, while fewer than N stages run: a heavy one in a child, a light one
                // here when this lane is free.
                if (failure is null && !ct.IsCancellationRequested)
                    foreach (var stage in waiting.Where(s => s.DependsOn.All(done.ContainsKey)).ToList())
                    {
                        if (children.Count + (here is null ? 0 : 1) >= options.Jobs) break;
                        if (heavy.Contains(stage.Id))
                            children[Child(launcher, plan, stage, planFile, store.Root, threads, device, options, index[stage.Id], progress, stop.Token)] = stage;
                        else if (here is null)
                        {
                            // Its inputs as they are now: the loop adds stages to `done` while this lane's thread reads.
                            var mine = new StageInputs(store, new Dictionary<string, ExecutedStage>(done, StringComparer.Ordinal));
                            here = (Task.Run(() => local.RunStageAsync(stage, mine, index[stage.Id], plan.Stages.Count, stop.Token)), stage);
                        }
                        else continue;
                        waiting.Remove(stage);
                    }
                if (children.Count == 0 && here is null) break;
                var ended = await Task.WhenAny(children.Keys.Cast<Task>().Concat(here is { } h ? [h.Task] : []));
                try
                {
                    if (here is { } lane && ended == lane.Task)
                    {
                        here = null;
                        done[lane.Stage.Id] = await lane.Task;
                    }
                    else
                    {
                        var child = (Task<Ended>)ended;
                        var stage = children[child];
                        children.Remove(child);
                        done[stage.Id] = Collect(stage, await child, cache, inputs, store.Root, progress);
                    }
                }
                catch (StageFailedException e) when (failure is null && !ct.IsCancellationRequested)
                {
                    // The others are stopped (SIGTERM); what they finished stays in the store for the next run.
                    failure = e;
                    stop.Cancel();
                }
                catch (Exception e) when (e is OperationCanceledException or StageFailedException && (failure is not null || ct.IsCancellationRequested))
                {
                    // Stopped because another stage failed, or the run was cancelled.
                }
            }
        }
        finally
        {
            // Whatever ended the loop (a failure, Ctrl-C, a bug here), no child outlives it and this lane is idle.
            if (children.Count > 0 || here is not null)
            {
                stop.Cancel();
                try { await Task.WhenAll(children.Keys.Cast<Task>().Concat(here is { } h ? [h.Task] : [])); }
                catch (Exception) { /* each stopped by SIGTERM, or killed */ }
            }
        }
        ct.ThrowIfCancellationRequested();
        if (failure is not null) throw failure;
        return (plan.Stages.Select(s => done[s.Id]).ToList(), planFile);
    }

    /// <summary>A child's exit code and what it wrote of how the stage ran (null when it wrote nothing).</summary>
    sealed record Ended(int Exit, StageExecutionFile? Execution, TimeSpan Elapsed, string Log);

    static async Task<Ended> Child(ProcessLauncher launcher, Plan plan, Stage stage, string planFile, string storeRoot, int threads, string device,
        ProcessOptions options, int index, IRunProgress progress, CancellationToken ct)
    {
        progress.StageStarted(stage.Id, stage.Kind.Name(), index, plan.Stages.Count);
        string log = LogFile(storeRoot, plan, stage);
        string executionFile = log + ".execution.json";
        File.Delete(executionFile);
        var clock = Stopwatch.StartNew();
        int exit = await StageProcess.RunAsync(launcher, options.StageCommand(new StageJob(planFile, stage.Id, storeRoot, threads, device, executionFile)), log, ct);
        var execution = exit == 0 ? StageExecutionFile.Read(executionFile) : null;
        File.Delete(executionFile);
        return new Ended(exit, execution, clock.Elapsed, log);
    }

    /// <summary>The stage a child computed, read back from the store; else why not, as the stage's failure.</summary>
    static ExecutedStage Collect(Stage stage, Ended ended, StageCache cache, StageInputs inputs, string storeRoot, IRunProgress progress)
    {
        if (ended.Exit != 0)
            throw new StageFailedException(stage.Id, new StageProcessFailedException(
                $"its process exited with {ended.Exit}: {StageProcess.LastLine(ended.Log)} (log {ended.Log})"));
        if (cache.TryGet(stage.Key, inputs.RefsOf(stage), out string why) is not { } output)
            throw new StageFailedException(stage.Id, new StageProcessFailedException(
                $"its process exited with 0 but the stage is not in the store {storeRoot} ({why}); log {ended.Log}"));
        var run = ended.Execution;
        // The stage's own time, as a run of one stage at a time records it; the process's start is not the stage's.
        var elapsed = run is { Seconds: { } s } ? TimeSpan.FromSeconds(s) : ended.Elapsed;
        progress.StageFinished(stage.Id, ended.Elapsed, run?.Summary ?? "");
        return new ExecutedStage(stage, output, run?.Cached ?? false, elapsed, run?.Timing ?? new());
    }
}
