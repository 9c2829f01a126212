using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// The bag-of-words weak family (issue 25): logistic regression on hashed word unigrams and bigrams
/// (<see cref="HashedNgramEncoder"/>), trained from zero in the pipeline like any other model, by the same trainer,
/// predictor and checkpoints. Its errors are lexical, not linear in a transformer's features. Classification: logits
/// [B,2] = Σ_t mask_t · W[id_t] + b, a sum over the example's n-gram ids (count features), with W [buckets, 2] and
/// b [2]. Reward modelling (<see cref="RewardModel"/>): r = Σ_t mask_t · w[id_t] + b with w [buckets, 1], pairs in,
/// (r_a, r_b) out, as <see cref="PairwiseRewardModel"/> lays them out (b cancels in r_a − r_b).
/// </summary>
/// <remarks>
/// Everything starts at zero, so a fresh model predicts (0.5, 0.5), nothing is random and the seed is ignored; the
/// global torch generator is never drawn from. The state is <c>word_embeddings.weight</c> and <c>bias</c>; the table's
/// name marks it as an embedding for the throughput's FLOP count (a lookup multiplies nothing). There is no body to
/// freeze (the validator refuses <c>linearProbe</c>) and no matmul to run in bf16: a requested bf16
/// <see cref="ComputeType"/> is accepted and ignored, the lookups and sums stay fp32, and so do the parameters (Adam's
/// small updates are never lost to bf16 rounding).
/// </remarks>
public class BagOfWordsClassifier : nn.Module<Tensor, Tensor, Tensor>, ISequenceClassifier, IComputePrecision
{
    private readonly Table table;
    private readonly Parameter bias;

    protected BagOfWordsClassifier(int bits, int outputs) : base("BagOfWordsClassifier")
    {
        var encoder = new HashedNgramEncoder(bits);
        table = new Table(encoder.Buckets, outputs);
        bias = new Parameter(zeros(outputs));
        register_module("word_embeddings", table);
        register_parameter("bias", bias);
        Encoder = encoder;
        eval();
    }

    /// <summary>A two-class classifier over 2^<paramref name="bits"/> buckets, all zero.</summary>
    public static BagOfWordsClassifier Create(int bits) => new(bits, 2);

    /// <summary>A reward model over 2^<paramref name="bits"/> buckets, all zero: pairs packed with
    /// <see cref="PairPacking"/>, (r_a, r_b) out.</summary>
    public static BagOfWordsClassifier RewardModel(int bits) => new Pairwise(bits);

    public nn.Module Module => this;

    public ITextEncoder Encoder { get; }

    /// <summary>The bucket weights [buckets, outputs].</summary>
    public Parameter Weights => table.Weight;

    public Parameter Bias => bias;

    /// <summary>Always fp32 (see the remarks): setting bf16 changes nothing.</summary>
    public ScalarType ComputeType
    {
        get => ScalarType.Float32;
        set { }
    }

    public Tensor Classify(Tensor inputIds, Tensor attentionMask) => forward(inputIds, attentionMask);

    /// <summary>Σ_t mask_t · W[id_t] + b: [B, outputs] in fp32 from ids and mask [B,T].</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        long b = inputIds.shape[0], t = inputIds.shape[1];
        var rows = table.Weight.index_select(0, inputIds.reshape(-1).to(ScalarType.Int64)).view(b, t, -1);
        var mask = attentionMask.to(ScalarType.Float32, rows.device).unsqueeze(-1);
        return ((rows * mask).sum(1) + bias).MoveToOuterDisposeScope();
    }

    /// <summary>The reward model: one output per row, rows a0, b0, a1, b1, … read back as (r_a, r_b) [B,2].</summary>
    private sealed class Pairwise(int bits) : BagOfWordsClassifier(bits, 1), IPackedInput
    {
        public (Tensor Ids, Tensor Mask) Collate(IReadOnlyList<int[]> packed, int padId, Device device) =>
            Trainer.Collator.Pad(PairPacking.Interleave(packed), padId, device);

        public override Tensor forward(Tensor inputIds, Tensor attentionMask)
        {
            if (inputIds.shape[0] % 2 != 0)
                throw new ArgumentException($"A reward model takes pairs as interleaved rows (a0, b0, a1, b1, …); got {inputIds.shape[0]} rows.");
            using var scope = NewDisposeScope();
            return base.forward(inputIds, attentionMask).squeeze(-1).view(-1, 2).MoveToOuterDisposeScope();
        }
    }

    /// <summary>A zero-initialised [rows, columns] weight: nn.Embedding would draw its default init from the global
    /// generator first, and this model promises to draw nothing.</summary>
    private sealed class Table : nn.Module
    {
        public Table(long rows, long columns) : base("Table")
        {
            Weight = new Parameter(zeros(rows, columns));
            register_parameter("weight", Weight);
        }

        public Parameter Weight { get; }
    }
}
