using TorchSharp;
using TorchSharp.Modules;
using WeakToStrong.Training.Bert.Onnx;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>
/// A BERT encoder with Hugging Face parameter names (embeddings.*, encoder.layer.N.*), returning
/// last_hidden_state [B,T,hidden]. The pooler (tanh over [CLS]) is left out: sentence-transformers, and our
/// classifier, pool by masked mean instead, so its imported weights are ignored.
/// </summary>
public sealed class BertModel : nn.Module<Tensor, Tensor, Tensor>
{
    // Field names are the HF parameter names: RegisterComponents() registers submodules under their field names.
    private readonly BertEmbeddings embeddings;
    private readonly EncoderBlock encoder;

    public BertConfig Config { get; }

    /// <summary>Dtype of matmuls, attention and GELU (Float32 or BFloat16); parameters, embeddings, residual
    /// stream and LayerNorms stay fp32 (autocast semantics, see <see cref="Autocast"/>).</summary>
    public ScalarType ComputeType
    {
        get => _computeType;
        set
        {
            _computeType = value;
            foreach (var layer in encoder.Layers) layer.ComputeType = value;
        }
    }

    private ScalarType _computeType = ScalarType.Float32;

    /// <summary>Whether a forward that records gradients runs the layers on the real tokens alone where padding is
    /// worth skipping (<see cref="TokenPacking"/>); false keeps the padded layout throughout, to compare the two.</summary>
    public bool PacksTokens { get; set; } = true;

    public BertModel(BertConfig config) : base("bert")
    {
        Config = config;
        embeddings = new BertEmbeddings(config);
        encoder = new EncoderBlock(config);
        RegisterComponents();
    }

    /// <summary>ids, mask [B,T] (mask 1 = real token) → fp32 [B,T,hidden]; segments are derived from the ids.</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var types = SegmentIds(inputIds, Config.SepTokenId);
        return Forward(inputIds, attentionMask, types);
    }

    /// <summary>As <see cref="forward"/> with explicit token type ids [B,T].</summary>
    public Tensor Forward(Tensor inputIds, Tensor attentionMask, Tensor tokenTypeIds)
    {
        using var scope = NewDisposeScope();
        long b = inputIds.shape[0], t = inputIds.shape[1];
        // Padded keys are excluded from every query's softmax; padded queries compute garbage that pooling masks.
        var keyMask = attentionMask.to_type(ScalarType.Bool).view(b, 1, 1, t);
        var x = embeddings.forward(inputIds, tokenTypeIds);
        // Training runs the layers on the real tokens alone where the batch pads enough for that to pay
        // (TokenPacking). Forward-only passes (features, labels, predictions) batch texts of like length, so they
        // keep the padded layout, and with it their bits: the frozen-feature arm reads the same features as before.
        using var packing = PacksTokens && is_grad_enabled() ? TokenPacking.Of(attentionMask) : null;
        if (packing is not null) x = packing.Pack(x);
        foreach (var layer in encoder.Layers) x = layer.Forward(x, keyMask, packing);
        if (packing is not null) x = packing.Unpack(x);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Token type ids of a "[CLS] a [SEP]" or "[CLS] a [SEP] b [SEP]" sequence: 0 up to and including the first
    /// [SEP], 1 after it (HF's layout for a text pair). Single texts are therefore all 0 over their real tokens.
    /// </summary>
    public static Tensor SegmentIds(Tensor inputIds, int sepTokenId)
    {
        using var isSep = inputIds.eq(sepTokenId).to_type(ScalarType.Int64);
        using var sepsSoFar = isSep.cumsum(1);
        using var sepsBefore = sepsSoFar - isSep;
        return sepsBefore.clamp_max(1);
    }

    /// <summary>
    /// Copies an imported HF-named state dict into this model. Every parameter must be present with its exact
    /// shape; extra keys are an error except "pooler.*" (not part of this model).
    /// </summary>
    public void LoadWeights(IReadOnlyDictionary<string, NamedWeight> weights)
    {
        using var noGrad = no_grad();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, parameter) in named_parameters())
        {
            if (!weights.TryGetValue(name, out var w))
                throw new InvalidDataException($"Imported weights lack '{name}'.");
            if (!w.Shape.SequenceEqual(parameter.shape))
                throw new InvalidDataException(
                    $"'{name}': imported shape [{string.Join(",", w.Shape)}], model needs [{string.Join(",", parameter.shape)}].");
            using var source = tensor(w.Data, w.Shape, dtype: ScalarType.Float32);
            parameter.copy_(source);
            used.Add(name);
        }
        // A body cut to its first layers (FirstLayers sizes) leaves the deeper layers' weights unused by design;
        // any other unused name means the import and the architecture disagree.
        var unused = weights.Keys.Where(k => !used.Contains(k) && !k.StartsWith("pooler.", StringComparison.Ordinal) && !IsCutLayer(k)).ToList();
        if (unused.Count > 0) throw new InvalidDataException($"Imported weights not used: {string.Join(", ", unused)}.");
    }

    private bool IsCutLayer(string name)
    {
        const string prefix = "encoder.layer.";
        if (!name.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = name.AsSpan(prefix.Length);
        var dot = rest.IndexOf('.');
        return dot > 0 && int.TryParse(rest[..dot], out var index) && index >= encoder.Layers.Count;
    }

    /// <summary>Holds "encoder.layer.N" so parameter names match HF.</summary>
    private sealed class EncoderBlock : nn.Module
    {
        private readonly ModuleList<BertLayer> layer;

        public EncoderBlock(BertConfig config) : base("encoder")
        {
            layer = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new BertLayer(config)).ToArray());
            RegisterComponents();
        }

        public ModuleList<BertLayer> Layers => layer;
    }
}
