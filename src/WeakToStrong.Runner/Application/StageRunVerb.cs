using TorchSharp;
using WeakToStrong.Data.Cache;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Executors.Slurm;
using WeakToStrong.Runner.Experiments;
using WeakToStrong.Runner.Identity;
using WeakToStrong.Runner.Progress;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Application;

/// <summary>What one stage job is asked to do (`w2s stage run`, `build.sh StageRun`).</summary>
public sealed record StageRunRequest(string PlanFile, string StageId, string? StoreRoot, int? Threads, string Device);

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
        return await new PlanExecutor(store, new SourceCache(root), request.Device, progress).RunOneAsync(plan, stage, ct);
    }
}
