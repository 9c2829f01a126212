using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Bench;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Pretraining;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Tokenization;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Families;

/// <summary>GPT-2 bodies (pooled at the last real token), pretrained in the pipeline (gpt2-local) or from the user's weights (gpt2-hf).</summary>
public abstract class Gpt2Family : IModelFamily
{
    public ISequenceClassifier Classifier(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody)
    {
        var classifier = Gpt2Classifier.Create(ConfigOf(spec), seed, spec.LinearProbe);
        if (pretrainedBody is not null) Gpt2Checkpoint.LoadBody(classifier.Body, pretrainedBody);
        return classifier;
    }

    public ITextEncoder Encoder(ModelSpec spec, int maxCtx) => Gpt2TextEncoder.Shared;

    public ISequenceClassifier RewardModel(ModelSpec spec, long seed, int maxCtx, string? pretrainedBody)
    {
        var rm = PairwiseRewardModel.Gpt2(ConfigOf(spec), seed, spec.LinearProbe);
        if (pretrainedBody is not null) Gpt2Checkpoint.LoadBody(rm.Gpt2Body!, pretrainedBody);
        return rm;
    }

    /// <summary>The shape a manifest's size names: a local size w{width}-l{layers}-h{heads} (<see cref="ModelSize"/>) or one of
    /// the family's presets (its row in <see cref="ModelFamilies"/>). The validator has checked it, so a miss is a bug.</summary>
    public static Gpt2Config ConfigOf(ModelSpec spec)
    {
        if (!ModelSize.TryResolve(spec.Size, ModelFamilies.Of(spec.Family).Presets, out var shape, out var problem))
            throw new InvalidOperationException($"{ModelFamilies.Name(spec.Family)} size '{spec.Size}': {problem}");
        return new Gpt2Config(NEmbd: shape.Width, NLayer: shape.Layers, NHead: shape.Heads);
    }
}

/// <summary>
/// A GPT-2 pretrained in the pipeline on the pinned corpus (docs/architecture.md §10), with GPT-2's own tokenizer so
/// the body stays loadable by Hugging Face's GPT-2.
/// </summary>
[Family(ModelFamily.Gpt2Local)]
public sealed class Gpt2LocalFamily : Gpt2Family, IPretrainedInPipeline
{
    public PretrainedBody Pretrain(ModelSpec model, PretrainSpec spec, string corpusText, string device, string bodyPath, IProgress<TrainProgress> progress)
    {
        int[] tokens = Gpt2TextEncoder.Shared.Encode(corpusText);
        var config = ConfigOf(model);
        using var body = new Gpt2Model(config, spec.Seed);
        var result = LanguageModelPretrainer.Train(body, tokens, Options(spec) with { Device = device }, progress);
        Gpt2Checkpoint.SaveBody(body, bodyPath);
        var loop = ThroughputReport.Measure(result.TokensTrained, result.TokensTrained, result.Elapsed,
            FlopModel.PretrainingPerToken(body, config.VocabSize, config.NEmbd), body.ComputeType);
        return new PretrainedBody(tokens.Length, result, loop);
    }

    public ThroughputReport BenchPretraining(ModelSpec model, PretrainSpec spec, int steps) =>
        ThroughputBench.Pretrain(ConfigOf(model), Options(spec) with { Steps = steps });

    /// <summary>The manifest's pretraining recipe as the pretrainer's options; warm-up is a tenth of the steps, at most 50.</summary>
    static PretrainOptions Options(PretrainSpec spec) => new()
    {
        Steps = spec.Steps, BatchSize = spec.BatchSize, ContextLength = spec.Ctx, LearningRate = spec.Lr, Seed = spec.Seed,
        WarmupSteps = Math.Min(50, spec.Steps / 10), Precision = spec.Precision,
    };
}

/// <summary>A GPT-2 whose body is the user's hash-pinned safetensors, in Hugging Face's layout (bare or <c>transformer.</c>-prefixed keys).</summary>
[Family(ModelFamily.Gpt2Hf)]
public sealed class Gpt2HfFamily : Gpt2Family, IImportsWeights
{
    public long ImportBody(ModelSpec model, string weightsFile, string bodyPath)
    {
        using var body = new Gpt2Model(ConfigOf(model), seed: 0);
        Gpt2Checkpoint.LoadBody(body, weightsFile);
        Gpt2Checkpoint.SaveBody(body, bodyPath);
        return body.parameters().Sum(t => t.numel());
    }
}
