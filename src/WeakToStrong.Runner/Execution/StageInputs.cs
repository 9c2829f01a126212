using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Models;

namespace WeakToStrong.Runner.Execution;

/// <summary>Reads the outputs of stages that already ran (or were cached) in this plan, from the content store.</summary>
public sealed class StageInputs(ContentStore store, IReadOnlyDictionary<string, ExecutedStage> done)
{
    public ExecutedStage Stage(string id) =>
        done.TryGetValue(id, out var s) ? s : throw new InvalidOperationException($"stage '{id}' has not run yet (plan order bug)");

    public string File(string stageId, string output)
    {
        var s = Stage(stageId);
        return s.Output.Outputs.TryGetValue(output, out var r)
            ? store.PathOf(r.Sha256)
            : throw new InvalidOperationException($"stage '{stageId}' has no output '{output}'");
    }

    public bool Has(string stageId, string output) => Stage(stageId).Output.Outputs.ContainsKey(output);

    public IReadOnlyList<ClassificationItem> Items(string stageId, string output) => UserData.ReadClassification(File(stageId, output));

    /// <summary>A split or labels file as the stages consume it (pairs presented in the run seed's order).</summary>
    public ExampleSet Examples(string stageId, string output, Setting setting, int runSeed) =>
        ExampleSet.Read(setting, File(stageId, output), runSeed);
}
