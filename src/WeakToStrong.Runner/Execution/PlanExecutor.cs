using System.Diagnostics;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Data.Cache;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Execution;

/// <summary>
/// Runs a plan's stages in order. A stage whose key has a verified output in the stage cache is skipped; any
/// other runs in a scratch folder, its files go into the content store, and only then is the cache entry
/// written — so a run killed at any moment resumes at the first stage without a complete output.
/// </summary>
public sealed class PlanExecutor(ContentStore store, SourceCache sources, string device, IRunProgress progress)
{
    readonly StageCache _cache = new(store);

    public async Task<IReadOnlyList<ExecutedStage>> RunAsync(Plan plan, CancellationToken ct = default)
    {
        var done = new Dictionary<string, ExecutedStage>(StringComparer.Ordinal);
        var inputs = new StageInputs(store, done);
        int index = 0;
        progress.RunStarted(plan.Stages.Select(s => s.Kind.Name()).ToList());
        foreach (var stage in plan.Stages)
        {
            ct.ThrowIfCancellationRequested();
            done[stage.Id] = await RunStageAsync(stage, inputs, ++index, plan.Stages.Count, ct);
        }
        return plan.Stages.Select(s => done[s.Id]).ToList();
    }

    /// <summary>
    /// One stage of <paramref name="plan"/> as a batch job runs it (`w2s stage run`, docs/cluster.md): every stage it
    /// reads, directly or through its inputs, must already be complete in the store (a scheduler's afterok
    /// dependencies saw to that); then the stage runs exactly as <see cref="RunAsync"/> runs it, under the same lock.
    /// </summary>
    /// <exception cref="StageFailedException">An input is not complete in the store, or the stage failed.</exception>
    public async Task<ExecutedStage> RunOneAsync(Plan plan, Stage stage, CancellationToken ct = default)
    {
        var done = new Dictionary<string, ExecutedStage>(StringComparer.Ordinal);
        var inputs = new StageInputs(store, done);
        var needed = Ancestors(plan, stage);
        foreach (var input in plan.Stages.Where(s => needed.Contains(s.Id)))
        {
            if (_cache.TryGet(input.Key, inputs.RefsOf(input), out string why) is not { } output)
                throw new StageFailedException(stage.Id, new InvalidOperationException($"its input {input.Id} is not complete in the store {store.Root} ({why})"));
            done[input.Id] = new ExecutedStage(input, output, true, TimeSpan.Zero, new JsonObject());
        }
        int index = plan.Stages.ToList().IndexOf(stage) + 1;
        return await RunStageAsync(stage, inputs, index, plan.Stages.Count, ct);
    }

    /// <summary>
    /// The stage from the cache when its key has a verified output, else computed and stored; <paramref name="inputs"/>
    /// must hold every stage it reads (the process executor's stages run here: Executors/Processes).
    /// </summary>
    public async Task<ExecutedStage> RunStageAsync(Stage stage, StageInputs inputs, int index, int total, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Another process computing this stage on the same store holds its lock: wait, then take its output.
        using var held = StageLock.Acquire(store.Root, stage.Key, stage.Id, progress.Info, ct);
        if (_cache.TryGet(stage.Key, inputs.RefsOf(stage), out _) is { } cached)
        {
            progress.StageCached(stage.Id, stage.Kind.Name(), index, total);
            return new ExecutedStage(stage, cached, true, clock.Elapsed, new JsonObject());
        }
        progress.StageStarted(stage.Id, stage.Kind.Name(), index, total);
        string work = held.NewScratch();
        try
        {
            StageResult result;
            try
            {
                result = await StageDispatcher.RunAsync(stage, inputs, sources, device, new StageFolders(work, held.ResumeDirectory), progress, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException and not StageFailedException)
            {
                throw new StageFailedException(stage.Id, e);
            }
            var refs = result.Files.ToDictionary(f => f.Key, f => store.PutFile(f.Value, $"output '{f.Key}' of stage {stage.Id}"), StringComparer.Ordinal);
            var output = new StageOutput(stage.Key, stage.Kind.Name(), refs, result.Metrics);
            _cache.Put(output, inputs.RefsOf(stage));
            held.RemoveResumeState();
            progress.StageFinished(stage.Id, clock.Elapsed, result.Summary);
            return new ExecutedStage(stage, output, false, clock.Elapsed, result.Timing);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Every stage <paramref name="stage"/> reads, directly or through its inputs.</summary>
    static HashSet<string> Ancestors(Plan plan, Stage stage)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var todo = new Stack<string>(stage.DependsOn);
        while (todo.TryPop(out var id))
            if (seen.Add(id))
                foreach (var d in plan[id].DependsOn) todo.Push(d);
        return seen;
    }
}
