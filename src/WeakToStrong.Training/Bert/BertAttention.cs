using TorchSharp;
using TorchSharp.Modules;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>Bidirectional multi-head self-attention over real tokens only (HF "attention.self").</summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    // Field names are the HF parameter names: RegisterComponents() registers submodules under their field names.
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly int _heads;

    public BertSelfAttention(BertConfig c) : base("self")
    {
        _heads = c.Heads;
        query = nn.Linear(c.Hidden, c.Hidden);
        key = nn.Linear(c.Hidden, c.Hidden);
        value = nn.Linear(c.Hidden, c.Hidden);
        RegisterComponents();
    }

    /// <summary>x [B,T,C] in the compute dtype; keyMask [B,1,1,T] bool, true where the key is a real token.</summary>
    public override Tensor forward(Tensor x, Tensor keyMask) => Forward(x, keyMask, null);

    /// <summary>As <see cref="forward"/>; with a <paramref name="packing"/>, x and the result are the real tokens'
    /// rows [N,C]: the projections run on them, attention on their [B,T] layout.</summary>
    internal Tensor Forward(Tensor x, Tensor keyMask, TokenPacking? packing)
    {
        using var scope = NewDisposeScope();
        long b = packing?.Batch ?? x.shape[0], t = packing?.Length ?? x.shape[1], c = x.shape[^1];
        Tensor Heads(Linear proj)
        {
            var y = Autocast.Linear(proj, x);
            return (packing is null ? y : packing.Unpack(y)).view(b, t, _heads, c / _heads).transpose(1, 2);
        }
        var attended = EagerAttention.Attend(Heads(query), Heads(key), Heads(value), keyMask).transpose(1, 2).reshape(b, t, c);
        return (packing is null ? attended : packing.Pack(attended)).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// LayerNorm(dense(h) + residual): HF's BertSelfOutput and BertOutput have this same shape. The dense runs in h's
/// dtype; adding the fp32 residual promotes back to fp32, so LayerNorm and the residual stream stay fp32.
/// </summary>
public sealed class BertResidualOutput : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear dense;
    private readonly LayerNorm LayerNorm;

    public BertResidualOutput(int inFeatures, BertConfig c) : base("output")
    {
        dense = nn.Linear(inFeatures, c.Hidden);
        LayerNorm = nn.LayerNorm(c.Hidden, c.LayerNormEps);
        RegisterComponents();
    }

    public override Tensor forward(Tensor h, Tensor residual)
    {
        using var scope = NewDisposeScope();
        var sum = Autocast.Linear(dense, h) + residual;
        return LayerNorm.forward(sum).MoveToOuterDisposeScope();
    }
}

/// <summary>HF "attention": self-attention (in the compute dtype), then its residual output block (fp32 out).</summary>
public sealed class BertAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BertSelfAttention self;
    private readonly BertResidualOutput output;

    public BertAttention(BertConfig c) : base("attention")
    {
        self = new BertSelfAttention(c);
        output = new BertResidualOutput(c.Hidden, c);
        RegisterComponents();
    }

    internal ScalarType ComputeType { get; set; } = ScalarType.Float32;

    /// <summary>x [B,T,C] fp32 (the residual stream) → fp32.</summary>
    public override Tensor forward(Tensor x, Tensor keyMask) => Forward(x, keyMask, null);

    /// <summary>As <see cref="forward"/>; with a <paramref name="packing"/>, on the real tokens' rows [N,C].</summary>
    internal Tensor Forward(Tensor x, Tensor keyMask, TokenPacking? packing)
    {
        using var scope = NewDisposeScope();
        var attended = self.Forward(x.to(ComputeType), keyMask, packing);
        return output.forward(attended, x).MoveToOuterDisposeScope();
    }
}
