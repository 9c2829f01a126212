using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>Bidirectional multi-head self-attention over real tokens only (HF "attention.self").</summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly int _heads;

    public BertSelfAttention(BertConfig c) : base("self")
    {
        _heads = c.Heads;
        _query = nn.Linear(c.Hidden, c.Hidden);
        _key = nn.Linear(c.Hidden, c.Hidden);
        _value = nn.Linear(c.Hidden, c.Hidden);
        register_module("query", _query);
        register_module("key", _key);
        register_module("value", _value);
    }

    /// <summary>x [B,T,C] in the compute dtype; keyMask [B,1,1,T] bool, true where the key is a real token.</summary>
    public override Tensor forward(Tensor x, Tensor keyMask)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1], c = x.shape[2];
        Tensor Heads(Linear proj) => Autocast.Linear(proj, x).view(b, t, _heads, c / _heads).transpose(1, 2);
        var y = nn.functional.scaled_dot_product_attention(Heads(_query), Heads(_key), Heads(_value), keyMask);
        return y.transpose(1, 2).reshape(b, t, c).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// LayerNorm(dense(h) + residual): HF's BertSelfOutput and BertOutput have this same shape. The dense runs in h's
/// dtype; adding the fp32 residual promotes back to fp32, so LayerNorm and the residual stream stay fp32.
/// </summary>
public sealed class BertResidualOutput : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _dense;
    private readonly LayerNorm _norm;

    public BertResidualOutput(int inFeatures, BertConfig c) : base("output")
    {
        _dense = nn.Linear(inFeatures, c.Hidden);
        _norm = nn.LayerNorm(c.Hidden, c.LayerNormEps);
        register_module("dense", _dense);
        register_module("LayerNorm", _norm);
    }

    public override Tensor forward(Tensor h, Tensor residual)
    {
        using var scope = NewDisposeScope();
        var sum = Autocast.Linear(_dense, h) + residual;
        return _norm.forward(sum).MoveToOuterDisposeScope();
    }
}

/// <summary>HF "attention": self-attention (in the compute dtype), then its residual output block (fp32 out).</summary>
public sealed class BertAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BertSelfAttention _self;
    private readonly BertResidualOutput _output;

    public BertAttention(BertConfig c) : base("attention")
    {
        _self = new BertSelfAttention(c);
        _output = new BertResidualOutput(c.Hidden, c);
        register_module("self", _self);
        register_module("output", _output);
    }

    internal ScalarType ComputeType { get; set; } = ScalarType.Float32;

    /// <summary>x [B,T,C] fp32 (the residual stream) → fp32.</summary>
    public override Tensor forward(Tensor x, Tensor keyMask)
    {
        using var scope = NewDisposeScope();
        var attended = _self.forward(x.to(ComputeType), keyMask);
        return _output.forward(attended, x).MoveToOuterDisposeScope();
    }
}
