using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WeakToStrong.Core.Stages;

namespace WeakToStrong.Core.Plans;

/// <summary>What a stage does (docs/architecture.md §4). Serialized lower-case.</summary>
public enum StageKind
{
    /// <summary>Fetch pinned sources, build the task, split train1/train2/test for one seed.</summary>
    [JsonStringEnumMemberName("data")] Data,
    /// <summary>Language-model pretraining of a gpt2-local body on the pinned corpus (shared by all seeds).</summary>
    [JsonStringEnumMemberName("pretrain")] Pretrain,
    /// <summary>Fetch and verify a gpt2-hf model's pinned safetensors (Hugging Face layout) and store its body.</summary>
    [JsonStringEnumMemberName("weights")] Weights,
    /// <summary>A frozen body's pooled features of every input of one seed's splits, once, for the linear probes that read it.</summary>
    [JsonStringEnumMemberName("features")] Features,
    /// <summary>Train a weak supervisor on train1 ground truth; evaluate on test.</summary>
    [JsonStringEnumMemberName("weak")] Weak,
    /// <summary>The weak model's soft labels (probabilities, not hard labels) on train2.</summary>
    [JsonStringEnumMemberName("label")] Label,
    /// <summary>Train the strong model on ground truth (ceilingSplit); evaluate on test.</summary>
    [JsonStringEnumMemberName("ceiling")] Ceiling,
    /// <summary>Train the strong model on train2 with the weak soft labels and one loss; evaluate on test.</summary>
    [JsonStringEnumMemberName("transfer")] Transfer,
    /// <summary>One step of a bootstrap chain: train on the previous step's labels, then label train2 for the next.</summary>
    [JsonStringEnumMemberName("bootstrap")] Bootstrap,
    /// <summary>Collect accuracies, compute PGR tables.</summary>
    [JsonStringEnumMemberName("evaluate")] Evaluate,
}

/// <summary>
/// One node of the plan DAG. <see cref="Parameters"/> is the stage kind's parameter record
/// (<see cref="StageParameters"/>) as JSON: exactly the resolved values the stage's output depends on (never
/// model names, so renaming a model keeps cached results); <see cref="Key"/> = sha256(canonical {kind, code,
/// params, inputs: sorted input keys}), <see cref="Code"/> being the hash of the code that computes it (<see cref="IStageCode"/>). Executors read the record through <see cref="Read{T}"/> and nothing else.
/// </summary>
public sealed record Stage(string Id, StageKind Kind, JsonObject Parameters, IReadOnlyList<string> DependsOn, string Key)
{
    /// <summary>The hash of the code that computes this stage, which <see cref="Key"/> folds in.</summary>
    public string Code { get; init; } = "";

    /// <summary>This stage's parameter record; refuses a type that is not its kind's.</summary>
    public T Read<T>() where T : StageParameters =>
        StageParameters.TypeOf(Kind) == typeof(T)
            ? StageParameters.Read<T>(this.Parameters)
            : throw new InvalidOperationException($"stage '{Id}' ({Kind}) carries {StageParameters.TypeOf(Kind).Name}, not {typeof(T).Name}");
}
