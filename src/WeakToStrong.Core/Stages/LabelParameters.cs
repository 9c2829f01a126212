using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Stages;

/// <summary>What a label stage reads to rebuild the weak model it loads: architecture, context length, seed, setting and
/// the precision it computes in.</summary>
/// <param name="Split">The split whose labels students train on (test and validation are labelled beside it for agreement).</param>
public sealed record LabelParameters(ModelSpec Model, int MaxCtx, Setting Setting, int Seed, DataSplit Split) : StageParameters
{
    /// <summary>
    /// The manifest's `weakLabelFlip`: the fraction of the split's labels flipped before a student reads them (the
    /// gate's sabotage, docs/gate.md). Null, never 0, when there is none, so that the key of every unflipped label
    /// stage is what it was before the field existed.
    /// </summary>
    public double? Flip { get; init; }

    /// <summary>
    /// The precision the weak model trained in, and so the one its own stage measured its test accuracy in: its
    /// labels are predicted in it too, since labels predicted in another precision than the accuracy was measured in
    /// could give an item near the boundary a label the model's recorded accuracy did not count.
    /// </summary>
    public Precision Precision { get; init; } = Precision.Fp32;
}
