using TorchSharp;
using TorchSharp.Modules;
using WeakToStrong.Training.Tokenization;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// GPT-2 body + a two-class head, laid out as Hugging Face's GPT2ForSequenceClassification (keys
/// <c>transformer.…</c> and <c>score.weight</c>) and built as the reference's TransformerWithHead: the head is
/// Linear(n_embd, 2, bias: false) initialised to zero, read at the last real token. The body has no dropout
/// (the reference keeps it in eval mode).
/// </summary>
/// <remarks>
/// The last real token comes from the attention mask (sum − 1). The reference computes it as
/// <c>count(input_ids != 0) − 1</c>, but id 0 is "!" in GPT-2's vocabulary, so every "!" in a text shifts its
/// read-out position left (and reads a padded position when the pad id is not 0): a bug we fix on purpose.
/// Sequences must be right-padded (real tokens first), which is what <see cref="Trainer.Collator"/> builds.
/// </remarks>
public sealed class Gpt2Classifier : nn.Module<Tensor, Tensor, Tensor>, ISequenceClassifier, IComputePrecision, IPooledFeatures
{
    private readonly Gpt2Model transformer;
    private readonly Linear score;

    public Gpt2Config Config => transformer.Config;

    /// <summary>The body, e.g. to load pretrained weights into it.</summary>
    public Gpt2Model Body => transformer;

    /// <summary>True when only the head trains (linear probe).</summary>
    public bool LinearProbe { get; }

    public nn.Module Module => this;

    public ITextEncoder Encoder { get; }

    public ScalarType ComputeType
    {
        get => transformer.ComputeType;
        set => transformer.ComputeType = value;
    }

    private Gpt2Classifier(Gpt2Config config, long seed, bool linearProbe, ITextEncoder? encoder) : base("Gpt2Classifier")
    {
        transformer = new Gpt2Model(config, seed);
        score = nn.Linear(config.NEmbd, 2, hasBias: false);
        RegisterComponents();
        using (no_grad()) score.weight!.zero_();
        LinearProbe = linearProbe;
        if (linearProbe)
            foreach (var p in transformer.parameters()) p.requires_grad = false;
        Encoder = encoder ?? Gpt2TextEncoder.Shared;
        eval();
    }

    /// <summary>A classifier whose body is initialised from <paramref name="seed"/> (load pretrained weights with
    /// <see cref="Gpt2Checkpoint.LoadBody"/> on <see cref="Body"/>); the head starts at zero.</summary>
    public static Gpt2Classifier Create(Gpt2Config config, long seed, bool linearProbe = false, ITextEncoder? encoder = null) =>
        new(config, seed, linearProbe, encoder);

    public Tensor Classify(Tensor inputIds, Tensor attentionMask) => forward(inputIds, attentionMask);

    public override Tensor forward(Tensor inputIds, Tensor attentionMask) =>
        score.forward(LastRealToken(transformer.forward(inputIds, attentionMask), attentionMask));

    public long FeatureSize => Config.NEmbd;

    public Tensor Pooled(Tensor inputIds, Tensor attentionMask) => LastRealToken(transformer.forward(inputIds, attentionMask), attentionMask);

    /// <summary>The hidden state [B,C] (fp32) at each row's last real token of right-padded hidden states [B,T,C]:
    /// what the head reads (shared with <see cref="PairwiseRewardModel"/>).</summary>
    public static Tensor LastRealToken(Tensor hidden, Tensor attentionMask)
    {
        var last = attentionMask.sum(1, type: ScalarType.Int64) - 1;        // [B]
        var rows = arange(hidden.shape[0], dtype: ScalarType.Int64, device: hidden.device);
        var pooled = hidden.index(new TensorIndex[] { TensorIndex.Tensor(rows), TensorIndex.Tensor(last) }); // [B,C]
        return pooled.to(ScalarType.Float32);
    }
}
