using static TorchSharp.torch;

namespace WeakToStrong.Training.Pretraining;

/// <summary>
/// The tied language-model head and its cross-entropy, forward and backward, a chunk of tokens at a time: the
/// [tokens, 50,257] logits are never materialised whole. Measured on this 2-core VM, copying one 206 MB logits
/// tensor takes ~350 ms (about 1.2 GB/s), so the plain head + cross-entropy + backward spent ~1.9 s of a ~2 s
/// step of a w128-l2 model (1,024 tokens) moving logits through memory, not multiplying. The chunk is now 1,024
/// tokens (a whole default pretraining step): each chunk also adds a [V, C] product into the head's gradient,
/// and at 128 tokens a chunk that addition cost as much as the logits. Measured here (w128-l2, bf16, 2 threads,
/// in one run): 2,787 tok/s at 128, 3,027 at 256, 3,208 at 512, 3,535 at 1,024 (docs/speed.md).
/// </summary>
/// <remarks>
/// Per chunk of hidden states h_c: logits z = h_c·Wᵀ, p = softmax z, loss −Σ log p[target]; with N tokens in all,
/// dL/dz = (p − onehot)/N, so dL/dh_c = (dL/dz)·W and dL/dW += (dL/dz)ᵀ·h_c. That is the same gradient as
/// autograd's over the whole batch (only the summation order differs). The body then back-propagates dL/dh.
/// </remarks>
public static class ChunkedLanguageModelLoss
{
    /// <summary>Mean next-token loss; accumulates the head's gradient into <paramref name="weight"/>.grad and
    /// back-propagates the hidden states' gradient through the graph that produced <paramref name="hidden"/>.</summary>
    /// <param name="hidden">[N, C] final hidden states (fp32, part of an autograd graph).</param>
    /// <param name="weight">[V, C] the tied embedding matrix (a leaf parameter).</param>
    /// <param name="targets">[N] next-token ids (int64).</param>
    public static double ForwardBackward(Tensor hidden, Tensor weight, Tensor targets, int chunk = 1024, ScalarType compute = ScalarType.Float32)
    {
        long n = hidden.shape[0];
        var gradHidden = zeros_like(hidden);
        var gradWeight = zeros_like(weight);
        double total = 0;
        using (no_grad())
        {
            var h = hidden.detach();
            var w = weight.detach();
            var wCompute = w.to(compute);
            for (long start = 0; start < n; start += chunk)
            {
                using var scope = NewDisposeScope();
                long len = Math.Min(chunk, n - start);
                var hc = h.narrow(0, start, len).to(compute);
                var tc = targets.narrow(0, start, len).unsqueeze(1);
                // The logits are the one [chunk, V] tensor, so every pass over them counts: log-softmax reads the
                // compute-dtype logits and writes fp32 once; exp, the one-hot and the cast to the compute dtype follow
                // in place or once; 1/N is applied to the small products instead of the logits (docs/speed.md).
                var logp = hc.matmul(wCompute.t()).log_softmax(1, ScalarType.Float32);
                total -= logp.gather(1, tc).sum().item<float>();
                var g = logp.exp_();
                g.scatter_add_(1, tc, full(new long[] { len, 1 }, -1f, device: g.device));
                var gc = g.to(compute);
                // Backward matmuls in the compute dtype, as autocast's backward runs them; products back in fp32.
                gradHidden.narrow(0, start, len).copy_(gc.matmul(wCompute).to(ScalarType.Float32).mul_(1.0 / n));
                if (compute == ScalarType.Float32) gradWeight.addmm_(gc.t(), hc, beta: 1, alpha: 1f / n);
                else gradWeight.add_(gc.t().matmul(hc).to(ScalarType.Float32), alpha: 1.0 / n);
            }
        }
        // Into the body first: for a tied head that also creates weight.grad (the embedding lookup's share).
        hidden.backward([gradHidden]);
        using (no_grad())
        {
            if (weight.grad is not { } grad)
                throw new InvalidOperationException("The head's weight got no gradient from the body: it must be the tied embedding.");
            grad.add_(gradWeight);
        }
        gradHidden.Dispose();
        gradWeight.Dispose();
        return total / n;
    }
}
