using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What a label stage reads to rebuild the weak model it loads: architecture, context length, seed and setting.</summary>
/// <param name="Split">The split whose labels students train on (test and validation are labelled beside it for agreement).</param>
public sealed record LabelParameters(ModelSpec Model, int MaxCtx, Setting Setting, int Seed, DataSplit Split) : StageParameters;
