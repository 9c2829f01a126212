using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// Softmax(q·kᵀ/√d + mask)·v written out, as Hugging Face's "eager" attention computes it under autocast: the
/// two matmuls in the compute dtype, the scores and their softmax in fp32. Used instead of LibTorch's
/// scaled_dot_product_attention because that kernel's CPU backward is the slowest part of a fine-tuning step at
/// these lengths: measured here (2 threads, bf16, MiniLM's 12 heads of 32), forward and backward of one layer's
/// attention took 5.2 ms fused against 0.96 ms eager at 32 tokens, 12.3 against 2.7 ms at 64 and 27.6 against
/// 8.0 ms at 128 (docs/speed.md). The scores cost B·H·T² floats, which at these contexts is small.
/// </summary>
public static class EagerAttention
{
    /// <param name="q">[B,H,T,D] in the compute dtype; <paramref name="k"/> and <paramref name="v"/> the same.</param>
    /// <param name="allowed">bool, broadcastable to [B,H,T,T], true where a query may attend to a key; null: none masked.</param>
    /// <param name="causal">Also mask every key after its query.</param>
    /// <remarks>Every query must be allowed at least one key (a real token), or its softmax is 0/0.</remarks>
    public static Tensor Attend(Tensor q, Tensor k, Tensor v, Tensor? allowed, bool causal = false)
    {
        using var scope = NewDisposeScope();
        long t = q.shape[2], s = k.shape[2];
        var scores = q.matmul(k.transpose(-2, -1)).to(ScalarType.Float32) * (1.0 / Math.Sqrt(q.shape[3]));
        if (causal)
        {
            using var future = ones(t, s, ScalarType.Bool, q.device).triu(1);
            scores = scores.masked_fill(future, float.NegativeInfinity);
        }
        if (allowed is not null) scores = scores.masked_fill(allowed.logical_not(), float.NegativeInfinity);
        var weights = scores.softmax(-1).to(q.dtype);
        return weights.matmul(v).MoveToOuterDisposeScope();
    }
}
