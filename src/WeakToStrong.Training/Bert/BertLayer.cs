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
    // Field names are the HF parameter names: RegisterComponents() registers submodules under their field names.
    private readonly BertAttention attention;
    private readonly IntermediateBlock intermediate;
    private readonly BertResidualOutput output;

    public BertLayer(BertConfig c) : base("layer")
    {
        attention = new BertAttention(c);
        intermediate = new IntermediateBlock(c);
        output = new BertResidualOutput(c.Intermediate, c);
        RegisterComponents();
    }

    internal ScalarType ComputeType
    {
        get => attention.ComputeType;
        set => attention.ComputeType = value;
    }

    /// <summary>x [B,T,C] fp32 → fp32; matmuls, attention and GELU run in <see cref="ComputeType"/>.</summary>
    public override Tensor forward(Tensor x, Tensor keyMask) => Forward(x, keyMask, null);

    /// <summary>As <see cref="forward"/>; with a <paramref name="packing"/>, x is the real tokens' rows [N,C].</summary>
    internal Tensor Forward(Tensor x, Tensor keyMask, TokenPacking? packing)
    {
        using var scope = NewDisposeScope();
        var attended = attention.Forward(x, keyMask, packing);
        var up = Autocast.Linear(intermediate.Dense, attended.to(ComputeType));
        var activated = nn.functional.gelu(up); // exact (erf) GELU, as BERT's "gelu"
        return output.forward(activated, attended).MoveToOuterDisposeScope();
    }

    /// <summary>Holds "intermediate.dense" so parameter names match HF; the layer calls the Linear directly.</summary>
    private sealed class IntermediateBlock : nn.Module
    {
        private readonly Linear dense;

        public IntermediateBlock(BertConfig c) : base("intermediate")
        {
            dense = nn.Linear(c.Hidden, c.Intermediate);
            RegisterComponents();
        }

        public Linear Dense => dense;
    }
}
