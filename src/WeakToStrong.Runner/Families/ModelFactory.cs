using System.Reflection;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Probes;

namespace WeakToStrong.Runner.Families;

/// <summary>
/// A manifest's model declaration as a fresh model: for classification a body + zero-initialised two-class head,
/// for reward modelling the same body + a zero-initialised scalar reward head (<see cref="PairwiseRewardModel"/>);
/// the body frozen for a linear probe. Each family's class in this folder builds it.
/// </summary>
public static class ModelFactory
{
    static readonly Lazy<IReadOnlyDictionary<ModelFamily, IModelFamily>> Families = new(Discover);

    /// <param name="pretrainedBody">gpt2-local: the body from the pretrain stage; gpt2-hf: from the weights stage. Null when a
    /// whole checkpoint is loaded over the model next (the label stage), or for a family whose body ships in a package.</param>
    /// <remarks>A linear probe (<see cref="ModelSpec.LinearProbe"/>) is a head on frozen features: its
    /// <paramref name="pretrainedBody"/> is then its features stage's table (<see cref="FeatureProbe"/>).</remarks>
    public static ISequenceClassifier Create(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody, Setting setting = Setting.Classification)
    {
        var family = FamilyOf(spec);
        if (spec.LinearProbe)
        {
            var table = FeatureTable.Load(pretrainedBody
                ?? throw new InvalidOperationException($"a linear probe of {ModelFamilies.Name(spec.Family)} reads its features stage's table, and none was given"));
            var encoder = family.Encoder(spec, maxCtx);
            return setting == Setting.RewardModel ? FeatureProbe.RewardModel(table, encoder, maxCtx) : FeatureProbe.Classifier(table, encoder, maxCtx);
        }
        return setting switch
        {
            Setting.Classification => family.Classifier(spec, seed, maxCtx, pretrainedBody),
            Setting.RewardModel => family.RewardModel(spec, seed, maxCtx, pretrainedBody),
            _ => throw new NotSupportedException($"setting {setting}"),
        };
    }

    /// <summary>
    /// The frozen network a features stage runs: the family's classifier with its pretrained body (the head is
    /// never used), whose pooled features are what the probe's head reads.
    /// </summary>
    public static ISequenceClassifier CreateFrozen(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody) =>
        FamilyOf(spec).Classifier(spec with { LinearProbe = false }, seed, maxCtx, pretrainedBody);

    /// <summary>The family as a supervisor without a network (noisy-truth), or null for a family that builds networks.</summary>
    public static ISupervisorWithoutNetwork? WithoutNetwork(ModelSpec spec) => FamilyOf(spec) as ISupervisorWithoutNetwork;

    static IModelFamily FamilyOf(ModelSpec spec) => Families.Value.TryGetValue(spec.Family, out var f) ? f
        : throw new NotSupportedException($"model family {ModelFamilies.Name(spec.Family)} has no implementation (a class with [Family(ModelFamily.{spec.Family})])");

    /// <summary>The class that implements <paramref name="spec"/>'s family: reached by reflection, so a stage's code hash names it (Identity/StageCode.cs).</summary>
    public static Type ClassOf(ModelSpec spec) => FamilyOf(spec).GetType();

    /// <summary>The families that have an implementation here.</summary>
    public static IReadOnlyCollection<ModelFamily> Implemented => [.. Families.Value.Keys];

    /// <summary>The family of a model whose body the pipeline pretrains: the plan gives a pretrain stage only to a
    /// family whose row says <see cref="BodySource.Pretrain"/>, and a test holds every such family to this interface.</summary>
    public static IPretrainedInPipeline Pretrainer(ModelSpec spec) => FamilyOf(spec) as IPretrainedInPipeline
        ?? throw new InvalidOperationException($"model family {ModelFamilies.Name(spec.Family)} has a pretrain stage but does not pretrain (IPretrainedInPipeline)");

    /// <summary>The family of a model whose body loads from the user's weights (<see cref="BodySource.Weights"/>).</summary>
    public static IImportsWeights Importer(ModelSpec spec) => FamilyOf(spec) as IImportsWeights
        ?? throw new InvalidOperationException($"model family {ModelFamilies.Name(spec.Family)} has a weights stage but imports no weights (IImportsWeights)");

    static IReadOnlyDictionary<ModelFamily, IModelFamily> Discover()
    {
        var found = new Dictionary<ModelFamily, IModelFamily>();
        foreach (var type in typeof(ModelFactory).Assembly.GetTypes().Where(t => !t.IsAbstract))
            if (type.GetCustomAttribute<FamilyAttribute>() is { } attribute
                && !found.TryAdd(attribute.Family, (IModelFamily)Activator.CreateInstance(type)!))
                throw new InvalidOperationException($"two classes implement model family {attribute.Family}");
        return found;
    }
}
