using TorchSharp;
using WeakToStrong.Data.Cache;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Executors;
using WeakToStrong.Runner.Executors.Processes;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Application;

/// <summary>What one stage job is asked to do (`w2s stage run`, `build.sh StageRun`).</summary>
/// <param name="ExecutionFile">Where to write how the stage ran (`--execution-out`: what `--jobs` reads back); null writes nothing.</param>
public sealed record StageRunRequest(string PlanFile, string StageId, string? StoreRoot, int? Threads, string Device, string? ExecutionFile = null);

/// <summary>
/// `stage run`: one stage of a plan file, as a Slurm job runs it (docs/cluster.md). The plan's keys are checked and
/// its code version must be this build's; the stage's inputs must be complete in the store; the stage then runs
/// through the local executor's own code (<see cref="PlanExecutor.RunOneAsync"/>), under its lock, into the same store.
/// </summary>
public static class StageRunVerb
{
    /// <exception cref="UserError">An unreadable or foreign plan, or a stage it does not have: one line.</exception>
    /// <exception cref="StageFailedException">An input is missing from the store, or the stage failed.</exception>
    public static async Task<ExecutedStage> RunAsync(StageRunRequest request, IRunProgress progress, CancellationToken ct = default)
    {
        var plan = PlanFile.Read(request.PlanFile, StageCode.Current);
        var stage = plan.Stages.FirstOrDefault(s => s.Id == request.StageId)
            ?? throw new UserError($"stage run: plan {request.PlanFile} has no stage '{request.StageId}'");
        DeviceSelector.Resolve(request.Device);
        int threads = request.Threads ?? System.Environment.ProcessorCount;
        torch.set_num_threads(threads); // as Reproduction pins it: the thread count is part of what the bits depend on
        string root = request.StoreRoot ?? ContentStore.DefaultRoot();
        var store = new ContentStore(root);
        progress.Info($"stage {stage.Id} of {plan.ExperimentId}, {threads} threads, store {store.Root}");
        var said = new SummaryOf(progress);
        var done = await new PlanExecutor(store, new SourceCache(root), request.Device, said).RunOneAsync(plan, stage, ct);
        if (request.ExecutionFile is { } file)
            StageExecutionFile.Write(file, new StageExecutionFile(done.Cached, Math.Round(done.Elapsed.TotalSeconds, 2), said.Summary, done.Timing));
        return done;
    }

    /// <summary>Passes every report on, keeping the stage's one-line summary for the execution file.</summary>
    sealed class SummaryOf(IRunProgress inner) : IRunProgress
    {
        public string? Summary { get; private set; }
        public void StageStarted(string stageId, string kind, int index, int total) => inner.StageStarted(stageId, kind, index, total);
        public void StageCached(string stageId, string kind, int index, int total) => inner.StageCached(stageId, kind, index, total);
        public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond) => inner.StageStep(stageId, step, totalSteps, loss, tokensPerSecond);
        public void Info(string message) => inner.Info(message);

        public void StageFinished(string stageId, TimeSpan elapsed, string summary)
        {
            Summary = summary;
            inner.StageFinished(stageId, elapsed, summary);
        }
    }
}
