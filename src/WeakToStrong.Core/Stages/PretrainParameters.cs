using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What a pretrain stage reads: the body's architecture and the whole pretraining section (corpus, steps, precision, …).</summary>
/// <remarks>The section is carried whole, so a new pretraining setting is hashed the moment it exists (the stage key once
/// missed <c>precision</c> because the compiler listed fields one by one).</remarks>
public sealed record PretrainParameters(ModelSpec Model, PretrainSpec Pretrain) : StageParameters;
