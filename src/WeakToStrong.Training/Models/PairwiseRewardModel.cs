using TorchSharp;
using TorchSharp.Modules;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Tokenization;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// A reward model for the paper's reward-modelling setting (Burns et al. 2023, §4.3 and App. A): a body plus a
/// scalar head r(x) = w·pool(x), Linear(hidden, 1, bias: false) initialised to zero like the reference's
/// classification heads. GPT-2 pools at the last real token and names the head "score.weight" (HF's
/// GPT2ForSequenceClassification with num_labels = 1); BERT pools by masked mean and names it "classifier.weight".
/// </summary>
/// <remarks>
/// Examples are pairs packed with <see cref="PairPacking"/>; <see cref="Collate"/> lays them out as rows
/// a0, b0, a1, b1, … and <see cref="Classify"/> returns [B,2] = (r_a, r_b), which is what
/// <see cref="Losses.BradleyTerryLoss"/> takes, so the ordinary trainer trains it. Since
/// softmax([r_a, r_b])[0] = σ(r_a − r_b), the predictor's probabilities are the Bradley–Terry preference
/// probabilities P(a ≻ b), and accuracy against (s, 1−s) labels is pairwise accuracy (a tie, r_a = r_b, counts as
/// preferring a, as ReferenceAccuracy breaks ties to class 0). A zero head gives r = 0 for everything: loss ln 2 at step 0.
/// </remarks>
public sealed class PairwiseRewardModel : nn.Module<Tensor, Tensor, Tensor>, ISequenceClassifier, IPackedInput, IComputePrecision
{
    private readonly Linear head;

    /// <summary>The body: a <see cref="Models.Gpt2Model"/> (load pretrained weights into <see cref="Gpt2Body"/> with
    /// <see cref="Gpt2Checkpoint.LoadBody"/>) or a <see cref="BertModel"/>.</summary>
    public nn.Module Body { get; }

    /// <summary>The GPT-2 body, or null when the body is BERT.</summary>
    public Gpt2Model? Gpt2Body => Body as Gpt2Model;

    /// <summary>The scalar reward head, weight [1, hidden].</summary>
    public Linear Head => head;

    /// <summary>True when only the head trains (linear probe): the body is frozen and run without gradients.</summary>
    public bool LinearProbe { get; }

    public nn.Module Module => this;

    public ITextEncoder Encoder { get; }

    /// <summary>The body's matmul dtype (both bodies compute in bf16 with fp32 parameters); rewards stay fp32.</summary>
    public ScalarType ComputeType
    {
        get => Body switch
        {
            Gpt2Model g => g.ComputeType,
            BertModel b => b.ComputeType,
            _ => throw UnknownBody(),
        };
        set
        {
            if (Body is Gpt2Model g) g.ComputeType = value;
            else if (Body is BertModel b) b.ComputeType = value;
            else throw UnknownBody();
        }
    }

    private PairwiseRewardModel(string bodyName, nn.Module body, long hidden, string headName, ITextEncoder encoder, bool linearProbe)
        : base("PairwiseRewardModel")
    {
        Body = body;
        head = nn.Linear(hidden, 1, hasBias: false);
        using (no_grad()) head.weight!.zero_();
        // Registered by hand, not with RegisterComponents(): the names are HF's ("transformer"/"bert",
        // "score"/"classifier"), not field names, and registering twice would duplicate every parameter.
        register_module(bodyName, body);
        register_module(headName, head);
        Encoder = encoder;
        LinearProbe = linearProbe;
        if (linearProbe)
            foreach (var p in body.parameters()) p.requires_grad = false;
        eval();
    }

    /// <summary>A GPT-2 reward model whose body is initialised from <paramref name="seed"/> (load pretrained
    /// weights with <see cref="Gpt2Checkpoint.LoadBody"/> on <see cref="Gpt2Body"/>); the head starts at zero.</summary>
    public static PairwiseRewardModel Gpt2(Gpt2Config config, long seed, bool linearProbe = false, ITextEncoder? encoder = null) =>
        GlobalRng.LeftAlone(() =>
            new PairwiseRewardModel("transformer", new Gpt2Model(config, seed), config.NEmbd, "score",
                encoder ?? Gpt2TextEncoder.Shared, linearProbe));

    /// <summary>An all-MiniLM-L6-v2 reward model (mean-pooled, as <see cref="BertClassifier"/>). Nothing is
    /// random, so <paramref name="seed"/> is taken only for a uniform factory signature.</summary>
    public static PairwiseRewardModel MiniLm(long seed, bool linearProbe = false, int maxCtx = 512, int layers = 6)
    {
        _ = seed;
        return GlobalRng.LeftAlone(() =>
            new PairwiseRewardModel("bert", BertClassifier.CreateMiniLmBody(layers), BertConfig.MiniLmL6.Hidden, "classifier",
                WordPieceEncoder.ForMiniLm(maxCtx), linearProbe));
    }

    public (Tensor Ids, Tensor Mask) Collate(IReadOnlyList<int[]> packed, int padId, Device device) =>
        Trainer.Collator.Pad(PairPacking.Interleave(packed), padId, device);

    /// <summary>(r_a, r_b) [B,2] in fp32 from interleaved rows a0, b0, a1, b1, … (ids and mask [2B,T]).</summary>
    public Tensor Classify(Tensor inputIds, Tensor attentionMask) => forward(inputIds, attentionMask);

    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        if (inputIds.shape[0] % 2 != 0)
            throw new ArgumentException($"A reward model takes pairs as interleaved rows (a0, b0, a1, b1, …); got {inputIds.shape[0]} rows.");
        using var scope = NewDisposeScope();
        return Rewards(inputIds, attentionMask).view(-1, 2).MoveToOuterDisposeScope();
    }

    /// <summary>Scalar rewards [N] (fp32) of single right-padded sequences, ids and mask [N,T].</summary>
    public Tensor Rewards(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        Tensor pooled;
        if (LinearProbe)
        {
            using var _ = no_grad();
            pooled = Pool(inputIds, attentionMask);
        }
        else pooled = Pool(inputIds, attentionMask);
        return head.forward(pooled).squeeze(-1).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    // The classifiers' own read-outs, so the reward model sees exactly the features their heads see.
    private Tensor Pool(Tensor inputIds, Tensor attentionMask) => Body switch
    {
        Gpt2Model g => Gpt2Classifier.LastRealToken(g.forward(inputIds, attentionMask), attentionMask),
        BertModel b => BertClassifier.MeanPool(b.forward(inputIds, attentionMask), attentionMask),
        _ => throw UnknownBody(),
    };

    private Exception UnknownBody() => new InvalidOperationException($"Unsupported reward-model body {Body.GetType().Name}.");
}
