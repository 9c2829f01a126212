using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Families;

/// <summary>Logistic regression on hashed word unigrams and bigrams, trained from zero (no pretrained body, so
/// <c>pretrainedBody</c> is always null); a size <c>h{bits}</c> gives 2^bits buckets, h18 when absent
/// (<see cref="HashBits"/>). Nothing is random: the seed is not used. The maximum context keeps an example's first
/// maxCtx n-gram ids (its unigrams first: <see cref="HashedNgramEncoder"/>).</summary>
[Family(ModelFamily.BagOfWords)]
public sealed class BagOfWordsFamily : IModelFamily
{
    public ISequenceClassifier Classifier(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody) =>
        BagOfWordsClassifier.Create(Bits(spec, pretrainedBody));

    public ISequenceClassifier RewardModel(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody) =>
        BagOfWordsClassifier.RewardModel(Bits(spec, pretrainedBody));

    public ITextEncoder Encoder(ModelSpec spec, int maxCtx) => new HashedNgramEncoder(HashBits.Of(spec.Size).Bits);

    private static int Bits(ModelSpec spec, string? pretrainedBody)
    {
        if (pretrainedBody is not null)
            throw new InvalidOperationException($"a bag-of-words model has no pretrained body, yet was given {pretrainedBody}");
        return HashBits.Of(spec.Size).Bits;
    }
}
