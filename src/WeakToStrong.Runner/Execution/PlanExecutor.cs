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
        progress.RunStarted(plan.Stages.Select(Kind).ToList());
        foreach (var stage in plan.Stages)
        {
            ct.ThrowIfCancellationRequested();
            index++;
            var clock = Stopwatch.StartNew();
            // Another process computing this stage on the same store holds its lock: wait, then take its output.
            using var held = StageLock.Acquire(store.Root, stage.Key, stage.Id, progress.Info, ct);
            if (_cache.TryGet(stage.Key, inputs.RefsOf(stage), out _) is { } cached)
            {
                progress.StageCached(stage.Id, Kind(stage), index, plan.Stages.Count);
                done[stage.Id] = new ExecutedStage(stage, cached, true, clock.Elapsed, new JsonObject());
                continue;
            }
            progress.StageStarted(stage.Id, Kind(stage), index, plan.Stages.Count);
            string work = held.NewScratch();
            try
            {
                StageResult result;
                try
                {
                    result = await StageDispatcher.RunAsync(stage, inputs, sources, device, work, progress, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException and not StageFailedException)
                {
                    throw new StageFailedException(stage.Id, e);
                }
                var refs = result.Files.ToDictionary(f => f.Key, f => store.PutFile(f.Value, $"output '{f.Key}' of stage {stage.Id}"), StringComparer.Ordinal);
                var output = new StageOutput(stage.Key, Kind(stage), refs, result.Metrics);
                _cache.Put(output, inputs.RefsOf(stage));
                done[stage.Id] = new ExecutedStage(stage, output, false, clock.Elapsed, result.Timing);
                progress.StageFinished(stage.Id, clock.Elapsed, result.Summary);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }
        return plan.Stages.Select(s => done[s.Id]).ToList();
    }

    static string Kind(Stage s) => s.Kind.ToString().ToLowerInvariant();
}
