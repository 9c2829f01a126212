using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What a weights stage reads: a gpt2-hf model's size and the user's hash-pinned safetensors source.</summary>
/// <param name="Model">The model's identity without training overrides; its <c>weights</c> source is the file fetched.</param>
public sealed record WeightsParameters(ModelSpec Model) : StageParameters;
