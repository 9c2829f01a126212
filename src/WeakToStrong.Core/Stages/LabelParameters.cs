using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What a label stage reads to rebuild the weak model it loads: architecture, context length, seed and setting.</summary>
/// <param name="Split">The split whose labels students train on (test and validation are labelled beside it for agreement).</param>
public sealed record LabelParameters(ModelSpec Model, int MaxCtx, Setting Setting, int Seed, DataSplit Split) : StageParameters
{
    /// <summary>
    /// The manifest's `weakLabelFlip`: the fraction of the split's labels flipped before a student reads them (the
    /// gate's sabotage, docs/gate.md). Null, never 0, when there is none, so that the key of every unflipped label
    /// stage is what it was before the field existed.
    /// </summary>
    public double? Flip { get; init; }
}
