namespace WeakToStrong.Training.Losses;

/// <summary>
/// Optional for an <see cref="ILoss"/>: the same loss and its gradient on host arrays, for a model whose whole step
/// is smaller than a tensor operation's dispatch (a probe's 384×2 head: docs/speed.md "Probe heads on the host").
/// It is the loss <see cref="ILoss.Compute"/> defines, term for term; tests bound its difference from that method's
/// value and autograd gradient by float rounding (HostLossTests).
/// </summary>
public interface IHostLoss
{
    /// <summary>Logits and soft targets [B,2] row-major (fp32); writes dL/dlogits [B,2] into
    /// <paramref name="gradient"/> and returns the loss, the mean over the batch.</summary>
    double Gradient(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, double progress, Span<float> gradient);
}

/// <summary>The host forms of <see cref="LossMath"/>'s pieces, in double precision per example.</summary>
public static class HostLossMath
{
    /// <summary>−Σ_k t_k·log_softmax(z)_k averaged over the batch, and its gradient: with L = mean_i(−Σ_k t_ik·lp_ik),
    /// ∂L/∂z_ik = (p_ik·Σ_k t_ik − t_ik)/B (log_softmax's backward; the targets need not sum to 1).</summary>
    public static double SoftCrossEntropy(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient)
    {
        int batch = Rows(logits, targets, gradient);
        double total = 0;
        for (int i = 0; i < batch; i++)
        {
            double z0 = logits[2 * i], z1 = logits[2 * i + 1], t0 = targets[2 * i], t1 = targets[2 * i + 1];
            double max = Math.Max(z0, z1);
            double lse = max + Math.Log(Math.Exp(z0 - max) + Math.Exp(z1 - max));
            double lp0 = z0 - lse, lp1 = z1 - lse;
            total -= t0 * lp0 + t1 * lp1;
            double sum = t0 + t1;
            gradient[2 * i] = (float)((Math.Exp(lp0) * sum - t0) / batch);
            gradient[2 * i + 1] = (float)((Math.Exp(lp1) * sum - t1) / batch);
        }
        return total / batch;
    }

    /// <summary>torch.quantile's linear interpolation, in its fp32 arithmetic: rank r = q·(n−1), the sorted values at
    /// ⌊r⌋ and ⌈r⌉ joined by torch.lerp (from the nearer end).</summary>
    public static float Quantile(ReadOnlySpan<float> values, float q)
    {
        if (values.IsEmpty) throw new ArgumentException("the quantile of no values");
        Span<float> sorted = values.Length <= 1024 ? stackalloc float[values.Length] : new float[values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        float rank = q * (sorted.Length - 1);
        int below = (int)rank, above = (int)MathF.Ceiling(rank);
        float weight = rank - below, low = sorted[below], high = sorted[above];
        return weight < 0.5f ? low + weight * (high - low) : high - (high - low) * (1 - weight);
    }

    /// <summary>log σ(x), without overflow on either side.</summary>
    public static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));

    /// <summary>The batch size of [B,2] arrays, checked.</summary>
    public static int Rows(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient)
    {
        if (logits.Length % 2 != 0 || targets.Length != logits.Length || gradient.Length != logits.Length)
            throw new ArgumentException($"logits ({logits.Length}), targets ({targets.Length}) and gradient ({gradient.Length}) must be the same [B,2]");
        return logits.Length / 2;
    }
}
