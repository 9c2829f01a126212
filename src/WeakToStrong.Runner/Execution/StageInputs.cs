using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Data.Formats;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Examples;
using WeakToStrong.Runner.Stages;
using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Execution;

/// <summary>Reads the outputs of stages that already ran (or were cached) in this plan, from the content store.</summary>
public sealed class StageInputs(ContentStore store, IReadOnlyDictionary<string, ExecutedStage> done)
{
    public ExecutedStage Stage(string id) =>
        done.TryGetValue(id, out var s) ? s : throw new InvalidOperationException($"stage '{id}' has not run yet (plan order bug)");

    /// <summary>The stored file of a dependency's output, checked intact first (free when this run already hashed or wrote it).</summary>
    public string File(string stageId, string output)
    {
        var s = Stage(stageId);
        if (!s.Output.Outputs.TryGetValue(output, out var r))
            throw new InvalidOperationException($"stage '{stageId}' has no output '{output}'");
        if (store.CheckForUse(r, $"output '{output}' of stage {stageId}") is { } problem)
            throw new InvalidDataException($"output '{output}' of stage {stageId} is {problem}; run again to recompute it");
        return store.PathOf(r.Sha256);
    }

    /// <summary>A stage's metrics as its typed record.</summary>
    public T Metrics<T>(string stageId) where T : StageMetrics => StageMetrics.Read<T>(Stage(stageId).Output.Metrics);

    /// <summary>Every output of <paramref name="stage"/>'s dependencies (`stageId:output` → `sha256:… size`): what its cache entry is valid for.</summary>
    public IReadOnlyDictionary<string, string> RefsOf(Stage stage) =>
        stage.DependsOn.SelectMany(d => Stage(d).Output.Outputs.Select(o => KeyValuePair.Create($"{d}:{o.Key}", o.Value.ToString())))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Output <paramref name="output"/> of this stage's direct input of one of <paramref name="kinds"/>, or null when it reads none.</summary>
    public string? FileOfKind(Stage stage, string output, params StageKind[] kinds) =>
        stage.DependsOn.FirstOrDefault(d => kinds.Contains(Stage(d).Stage.Kind)) is { } id ? File(id, output) : null;

    /// <summary>The pretrained body a stage reads: its pretrain (gpt2-local) or weights (gpt2-hf) stage's, or null.</summary>
    public string? PretrainedBody(Stage stage) => FileOfKind(stage, "body", StageKind.Pretrain, StageKind.Weights);

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
