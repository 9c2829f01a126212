using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Families;

/// <summary>Marks the class that builds one model family's networks (<see cref="ModelFamilies"/> holds the family's other facts).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FamilyAttribute(ModelFamily family) : Attribute
{
    public ModelFamily Family { get; } = family;
}

/// <summary>
/// One model family's networks: a fresh body with a zero-initialised two-class head (classification) or scalar
/// reward head (reward modelling), frozen for a linear probe. <c>pretrainedBody</c> is the body file of the model's
/// pretrain or weights stage, or null (a family whose body ships in a package, or before a whole checkpoint is loaded).
/// </summary>
public interface IModelFamily
{
    ISequenceClassifier Classifier(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody);

    ISequenceClassifier RewardModel(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody);

    /// <summary>
    /// The family's text encoder at <paramref name="maxCtx"/> (what its classifiers read), without building a network:
    /// a linear probe on frozen features encodes its inputs exactly so to find their rows. The default builds one.
    /// </summary>
    ITextEncoder Encoder(ModelSpec spec, int maxCtx)
    {
        using var model = Classifier(spec, 0, maxCtx, null);
        return model.Encoder;
    }
}
