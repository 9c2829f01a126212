using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>
/// torch.autocast's rule for a Linear, which TorchSharp lacks (docs/architecture.md §9): compute in the input's dtype with
/// the fp32 parameters cast to it, so Adam keeps updating fp32 master weights while bf16 matmuls run ~4x faster.
/// </summary>
internal static class Autocast
{
    public static Tensor Linear(Linear layer, Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.linear(x, layer.weight!.to(x.dtype), layer.bias?.to(x.dtype));
        return y.MoveToOuterDisposeScope();
    }
}
