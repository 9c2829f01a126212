using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Families;

/// <summary>all-MiniLM-L6-v2 from its NuGet package (mean-pooled, as the sentence-transformer was trained); contexts
/// beyond its 512 positions are cut. A size <c>l{k}</c> keeps its first k layers (<see cref="FirstLayers"/>).</summary>
[Family(ModelFamily.MiniLmL6)]
public sealed class MiniLmFamily : IModelFamily
{
    public ISequenceClassifier Classifier(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody) =>
        BertClassifier.CreateMiniLm(seed, spec.LinearProbe, maxCtx: Math.Min(maxCtx, 512), layers: Layers(spec));

    public ISequenceClassifier RewardModel(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody) =>
        PairwiseRewardModel.MiniLm(seed, spec.LinearProbe, Math.Min(maxCtx, 512), Layers(spec));

    public ITextEncoder Encoder(ModelSpec spec, int maxCtx) => WordPieceEncoder.ForMiniLm(Math.Min(maxCtx, 512));

    private static int Layers(ModelSpec spec) => FirstLayers.Of(spec.Size, ModelFamilies.Of(ModelFamily.MiniLmL6).Layers);
}
