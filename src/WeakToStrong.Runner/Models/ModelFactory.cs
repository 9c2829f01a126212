using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Models;

/// <summary>
/// A manifest's model declaration as a fresh model: for classification a body + zero-initialised two-class head,
/// for reward modelling the same body + a zero-initialised scalar reward head (<see cref="PairwiseRewardModel"/>);
/// the body frozen for a linear probe.
/// </summary>
public static class ModelFactory
{
    /// <param name="pretrainedBody">gpt2-local: the body from the pretrain stage; gpt2-hf: from the weights stage. Null when a
    /// whole checkpoint is loaded over the model next (the label stage), or for a gpt2-local trained from scratch.</param>
    public static ISequenceClassifier Create(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody, Setting setting = Setting.Classification)
    {
        bool reward = setting switch
        {
            Setting.Classification => false,
            Setting.RewardModel => true,
            _ => throw new NotSupportedException($"setting {setting}"),
        };
        switch (spec.Family)
        {
            case ModelFamily.MiniLmL6:
                int ctx = Math.Min(maxCtx, 512);
                return reward ? PairwiseRewardModel.MiniLm(seed, spec.LinearProbe, ctx) : BertClassifier.CreateMiniLm(seed, spec.LinearProbe, maxCtx: ctx);
            case ModelFamily.Gpt2Local:
            case ModelFamily.Gpt2Hf:
                var config = Gpt2ConfigOf(spec);
                if (reward)
                {
                    var rm = PairwiseRewardModel.Gpt2(config, seed, spec.LinearProbe);
                    if (pretrainedBody is not null) Gpt2Checkpoint.LoadBody(rm.Gpt2Body!, pretrainedBody);
                    return rm;
                }
                var classifier = Gpt2Classifier.Create(config, seed, spec.LinearProbe);
                if (pretrainedBody is not null) Gpt2Checkpoint.LoadBody(classifier.Body, pretrainedBody);
                return classifier;
            default:
                throw new NotSupportedException($"model family {spec.Family}");
        }
    }

    /// <summary>"w64-l2-h2" (the manifest's local size: width, layers and heads as written) or a reference preset name.</summary>
    public static Gpt2Config Gpt2ConfigOf(ModelSpec spec)
    {
        string size = spec.Size ?? throw new InvalidOperationException($"{spec.Family} model needs a size");
        if (!ModelSize.TryParse(size, out var local, out _)) return Gpt2Config.Parse(size);
        return new Gpt2Config(NEmbd: local.Width, NLayer: local.Layers, NHead: local.Heads);
    }
}
