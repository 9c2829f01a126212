using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeakToStrong.Training.Models;

// GPT-2 in the shape of nanoGPT, with Hugging Face's parameter names and layouts so that a `transformers`
// checkpoint maps key for key: wte, wpe, h.N.{ln_1, attn.c_attn, attn.c_proj, ln_2, mlp.c_fc, mlp.c_proj}, ln_f.
// Conv1D weights are stored [in, out] (HF's Conv1D, i.e. x @ W + b), the LM head is tied to wte.
// There are no dropout modules: the reference fine-tunes with the body in eval mode (docs/engine.md "Models").
//
// Mixed precision: TorchSharp has no autocast (docs/architecture.md §9). Parameters stay fp32; each matmul casts its weight to the
// dtype of its input, and the blocks feed their matmuls in ComputeType. The residual stream, LayerNorms and
// softmax-free parts stay fp32, as torch.autocast would leave them.

/// <summary>HF's Conv1D: y = x @ weight + bias with weight [nIn, nOut].</summary>
public sealed class Conv1D : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    public Conv1D(string name, long nIn, long nOut) : base(name)
    {
        weight = nn.Parameter(zeros(nIn, nOut));
        bias = nn.Parameter(zeros(nOut));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var w = x.dtype == weight.dtype ? (Tensor)weight : weight.to(x.dtype);
        var b = x.dtype == bias.dtype ? (Tensor)bias : bias.to(x.dtype);
        var flat = x.reshape(-1, weight.shape[0]);
        var y = b.addmm(flat, w);
        var shape = x.shape.ToArray();
        shape[^1] = weight.shape[1];
        return y.view(shape);
    }
}

/// <summary>Causal self-attention with fused q,k,v projection (HF's c_attn).</summary>
public sealed class Gpt2Attention : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly Conv1D c_attn;
    private readonly Conv1D c_proj;
    private readonly int nHead;

    public Gpt2Attention(string name, Gpt2Config config) : base(name)
    {
        nHead = config.NHead;
        c_attn = new Conv1D(nameof(c_attn), config.NEmbd, 3 * config.NEmbd);
        c_proj = new Conv1D(nameof(c_proj), config.NEmbd, config.NEmbd);
        RegisterComponents();
    }

    /// <param name="x">[B,T,C] in the compute dtype.</param>
    /// <param name="allowed">null for plain causal attention, else a bool mask [B,1,T,T] (true = may attend).</param>
    public override Tensor forward(Tensor x, Tensor? allowed)
    {
        long b = x.shape[0], t = x.shape[1], c = x.shape[2];
        var qkv = c_attn.forward(x).split(c, dim: 2);
        var q = qkv[0].view(b, t, nHead, c / nHead).transpose(1, 2);
        var k = qkv[1].view(b, t, nHead, c / nHead).transpose(1, 2);
        var v = qkv[2].view(b, t, nHead, c / nHead).transpose(1, 2);
        // The padding mask, when there is one, already combines causality with the real keys.
        var y = EagerAttention.Attend(q, k, v, allowed, causal: allowed is null);
        return c_proj.forward(y.transpose(1, 2).contiguous().view(b, t, c));
    }
}

/// <summary>The feed-forward block: c_fc (C→4C), GELU with GPT-2's tanh approximation, c_proj (4C→C).</summary>
public sealed class Gpt2Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Conv1D c_fc;
    private readonly Conv1D c_proj;

    public Gpt2Mlp(string name, Gpt2Config config) : base(name)
    {
        c_fc = new Conv1D(nameof(c_fc), config.NEmbd, 4 * config.NEmbd);
        c_proj = new Conv1D(nameof(c_proj), 4 * config.NEmbd, config.NEmbd);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        c_proj.forward(F.gelu(c_fc.forward(x), GELU.Approximate.tanh));
}

/// <summary>One pre-LayerNorm transformer block.</summary>
public sealed class Gpt2Block : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly LayerNorm ln_1;
    private readonly Gpt2Attention attn;
    private readonly LayerNorm ln_2;
    private readonly Gpt2Mlp mlp;
    internal ScalarType ComputeType { get; set; } = ScalarType.Float32;

    public Gpt2Block(string name, Gpt2Config config) : base(name)
    {
        ln_1 = nn.LayerNorm(config.NEmbd, config.LayerNormEps);
        attn = new Gpt2Attention(nameof(attn), config);
        ln_2 = nn.LayerNorm(config.NEmbd, config.LayerNormEps);
        mlp = new Gpt2Mlp(nameof(mlp), config);
        RegisterComponents();
    }

    /// <param name="x">Residual stream [B,T,C], fp32.</param>
    public override Tensor forward(Tensor x, Tensor? allowed)
    {
        x = x + attn.forward(ln_1.forward(x).to(ComputeType), allowed);
        return x + mlp.forward(ln_2.forward(x).to(ComputeType));
    }
}

/// <summary>
/// The GPT-2 body: token ids [B,T] and an optional padding mask [B,T] (1 = real token) to final hidden states
/// [B,T,C] (fp32, after ln_f). <see cref="LmLogits"/> applies the tied language-model head.
/// </summary>
public sealed class Gpt2Model : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly ModuleList<Gpt2Block> h;
    private readonly LayerNorm ln_f;

    public Gpt2Config Config { get; }

    private ScalarType computeType = ScalarType.Float32;

    /// <summary>Dtype of the matmuls (Float32 or BFloat16); parameters stay as they are (autocast semantics).</summary>
    public ScalarType ComputeType
    {
        get => computeType;
        set
        {
            computeType = value;
            foreach (var block in h) block.ComputeType = value;
        }
    }

    /// <summary>A model with Hugging Face's initialisation drawn from <paramref name="seed"/> alone.</summary>
    public Gpt2Model(Gpt2Config config, long seed) : base("transformer")
    {
        Config = config;
        wte = nn.Embedding(config.VocabSize, config.NEmbd);
        wpe = nn.Embedding(config.NPositions, config.NEmbd);
        h = nn.ModuleList(Enumerable.Range(0, config.NLayer).Select(i => new Gpt2Block(i.ToString(), config)).ToArray());
        ln_f = nn.LayerNorm(config.NEmbd, config.LayerNormEps);
        RegisterComponents();
        Initialise(seed);
    }

    // HF GPT2PreTrainedModel._init_weights: N(0, 0.02) for matrices and embeddings, zero biases, LayerNorm (1, 0),
    // and c_proj weights N(0, 0.02/sqrt(2·n_layer)) (GPT-2 paper §2.3). Drawn in parameter-name order from a
    // private generator, so parallel tests or other code touching the global RNG cannot change the result.
    // (Tensor.normal_ honours the generator; nn.init.normal_ in TorchSharp 0.107 silently ignores it: measured.)
    private void Initialise(long seed)
    {
        using var gen = new Generator((ulong)seed);
        using var _ = no_grad();
        double projStd = 0.02 / Math.Sqrt(2.0 * Config.NLayer);
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("ln_1.weight") || name.EndsWith("ln_2.weight") || name.EndsWith("ln_f.weight")) p.fill_(1);
            else if (name.EndsWith(".bias")) p.zero_();
            else if (name.EndsWith("c_proj.weight")) p.normal_(0, projStd, gen);
            else p.normal_(0, 0.02, gen);
        }
    }

    public override Tensor forward(Tensor inputIds, Tensor? attentionMask)
    {
        long t = inputIds.shape[1];
        if (t > Config.NPositions)
            throw new ArgumentException($"Sequence length {t} exceeds the model's context of {Config.NPositions} positions.");
        var positions = arange(t, dtype: ScalarType.Int64, device: inputIds.device);
        // Padded positions look up token 0, so any pad id (even one outside a tiny vocabulary) is harmless.
        var ids = attentionMask is null ? inputIds : inputIds * attentionMask.to(ScalarType.Int64);
        var x = wte.forward(ids) + wpe.forward(positions);
        var allowed = AllowedMask(attentionMask, t);
        foreach (var block in h) x = block.forward(x, allowed);
        return ln_f.forward(x);
    }

    /// <summary>The language-model head's weight [V, C]: wte's, tied (as in GPT-2).</summary>
    public Tensor TiedHeadWeight => wte.weight!;

    /// <summary>Next-token logits [B,T,V] through the head tied to wte (fp32).</summary>
    public Tensor LmLogits(Tensor hidden) =>
        F.linear(hidden.to(ComputeType), wte.weight!.to(ComputeType)).to(ScalarType.Float32);

    // Causal and padding in one bool mask [B,1,T,T]. A position may always see itself, so that a query at a
    // padded position never has an empty row (its softmax would be NaN, and 0·NaN leaks into real rows).
    // With no padding at all, plain is_causal attention is used (faster, same result).
    private static Tensor? AllowedMask(Tensor? attentionMask, long t)
    {
        if (attentionMask is null) return null;
        var real = attentionMask.to(ScalarType.Bool);
        if (real.all().item<bool>()) return null;
        var device = attentionMask.device;
        var causal = ones(t, t, dtype: ScalarType.Bool, device: device).tril();
        var self = eye(t, dtype: ScalarType.Bool, device: device);
        var keyReal = real.view(real.shape[0], 1, 1, t);
        return causal.logical_and(keyReal.logical_or(self));
    }
}
