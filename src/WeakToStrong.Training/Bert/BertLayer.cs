using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>
/// One post-LayerNorm BERT block (HF "encoder.layer.N"): attention, then dense → erf GELU → dense with residual.
/// No dropout modules exist: the reference trains with the body in eval mode, so train()/eval() change nothing.
/// </summary>
public sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BertAttention _attention;
    private readonly Linear _intermediate;
    private readonly BertResidualOutput _output;

    public BertLayer(BertConfig c) : base("layer")
    {
        _attention = new BertAttention(c);
        _intermediate = nn.Linear(c.Hidden, c.Intermediate);
        _output = new BertResidualOutput(c.Intermediate, c);
        register_module("attention", _attention);
        register_module("intermediate", new IntermediateBlock(_intermediate));
        register_module("output", _output);
    }

    internal ScalarType ComputeType
    {
        get => _attention.ComputeType;
        set => _attention.ComputeType = value;
    }

    /// <summary>x [B,T,C] fp32 → fp32; matmuls, attention and GELU run in <see cref="ComputeType"/>.</summary>
    public override Tensor forward(Tensor x, Tensor keyMask)
    {
        using var scope = NewDisposeScope();
        var attended = _attention.forward(x, keyMask);
        var up = Autocast.Linear(_intermediate, attended.to(ComputeType));
        var activated = nn.functional.gelu(up); // exact (erf) GELU, as BERT's "gelu"
        return _output.forward(activated, attended).MoveToOuterDisposeScope();
    }

    /// <summary>Holds "intermediate.dense" so parameter names match HF; the layer calls the Linear directly.</summary>
    private sealed class IntermediateBlock : nn.Module
    {
        public IntermediateBlock(Linear dense) : base("intermediate") => register_module("dense", dense);
    }
}
