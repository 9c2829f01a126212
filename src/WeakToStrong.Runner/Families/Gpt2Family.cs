using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Tokenization;

namespace WeakToStrong.Runner.Families;

/// <summary>GPT-2 bodies (pooled at the last real token), pretrained in the pipeline (gpt2-local) or from the user's weights (gpt2-hf).</summary>
public abstract class Gpt2Family : IModelFamily
{
    public ISequenceClassifier Classifier(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody)
    {
        var classifier = Gpt2Classifier.Create(ModelFactory.Gpt2ConfigOf(spec), seed, spec.LinearProbe);
        if (pretrainedBody is not null) Gpt2Checkpoint.LoadBody(classifier.Body, pretrainedBody);
        return classifier;
    }

    public ITextEncoder Encoder(ModelSpec spec, int maxCtx) => Gpt2TextEncoder.Shared;

    public ISequenceClassifier RewardModel(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody)
    {
        var rm = PairwiseRewardModel.Gpt2(ModelFactory.Gpt2ConfigOf(spec), seed, spec.LinearProbe);
        if (pretrainedBody is not null) Gpt2Checkpoint.LoadBody(rm.Gpt2Body!, pretrainedBody);
        return rm;
    }
}

[Family(ModelFamily.Gpt2Local)]
public sealed class Gpt2LocalFamily : Gpt2Family;

[Family(ModelFamily.Gpt2Hf)]
public sealed class Gpt2HfFamily : Gpt2Family;
