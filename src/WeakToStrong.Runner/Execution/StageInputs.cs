using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Data.Formats;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Models;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Runner.Stages.Results;

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

    /// <summary>A stage's metrics as its typed record.</summary>
    public T Metrics<T>(string stageId) where T : StageMetrics => StageMetrics.Read<T>(Stage(stageId).Output.Metrics);

    public bool Has(string stageId, string output) => Stage(stageId).Output.Outputs.ContainsKey(output);

    public IReadOnlyList<ClassificationItem> Items(string stageId, string output) => UserData.ReadClassification(File(stageId, output));

    /// <summary>A split or labels file as the stages consume it (pairs presented in the run seed's order).</summary>
    public ExampleSet Examples(string stageId, string output, Setting setting, int runSeed) =>
        ExampleSet.Read(setting, File(stageId, output), runSeed);

    /// <summary>The data stage's splits a supervisor labels: train2, test and the optional validation split.</summary>
    public LabelInputs LabelInputs(string data, Setting setting, int runSeed)
    {
        ExampleSet Split(string name) => Examples(data, name, setting, runSeed);
        return new(Split("train2"), Split("test"), Has(data, "validation") ? Split("validation") : null);
    }

    /// <summary>The stage of <paramref name="kind"/> this stage reads, directly or through one of its inputs (a label stage's data).</summary>
    public string DependencyOfKind(Stage stage, StageKind kind) =>
        stage.DependsOn.SingleOrDefault(d => Stage(d).Stage.Kind == kind)
        ?? stage.DependsOn.Select(d => Stage(d).Stage).SelectMany(s => s.DependsOn).First(d => Stage(d).Stage.Kind == kind);
}
