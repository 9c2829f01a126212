using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// Optional for an <see cref="ISequenceClassifier"/>: run the body's matmuls in another dtype (BFloat16) while the
/// parameters, and so Adam's updates, stay fp32 — what torch.autocast does, which TorchSharp lacks (docs/architecture.md §9).
/// Casting the parameters themselves to bf16 would lose fine-tuning updates: at lr 5e-5 an Adam step is below
/// half a bf16 ulp of a 0.02-sized weight, and LayerNorm gains at 1.0 (ulp 2^-7) would never move.
/// </summary>
public interface IComputePrecision
{
    /// <summary>Float32 (default) or BFloat16. Logits stay fp32 either way.</summary>
    ScalarType ComputeType { get; set; }
}
