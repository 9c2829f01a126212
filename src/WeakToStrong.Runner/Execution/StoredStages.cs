using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Stages;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Execution;

/// <summary>
/// Which of a plan's stages the store already holds, as a run's cache lookup decides it: in plan order, a stage counts
/// only when every input is stored and its entry was computed from those inputs' bytes. Read by the Slurm submitter
/// (what not to submit) and by `status` (what not to recompute, and the store's reason for the rest).
/// </summary>
public static class StoredStages
{
    /// <returns>Stage id → verified output for the stored stages; stage id → the cache's reason for the others
    /// ("not run", a damaged entry, a changed input; "an input is not stored" where the lookup was not made).</returns>
    public static (Dictionary<string, StageOutput> Stored, Dictionary<string, string> Why) Read(Plan plan, ContentStore store)
    {
        var cache = new StageCache(store);
        var done = new Dictionary<string, ExecutedStage>(StringComparer.Ordinal);
        var inputs = new StageInputs(store, done);
        var why = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in plan.Stages)
        {
            if (!stage.DependsOn.All(done.ContainsKey)) { why[stage.Id] = "not run"; continue; }
            if (cache.TryGet(stage.Key, inputs.RefsOf(stage), out string reason) is { } output)
                done[stage.Id] = new ExecutedStage(stage, output, true, TimeSpan.Zero, new JsonObject());
            else
                why[stage.Id] = reason;
        }
        return (done.ToDictionary(d => d.Key, d => d.Value.Output, StringComparer.Ordinal), why);
    }
}
