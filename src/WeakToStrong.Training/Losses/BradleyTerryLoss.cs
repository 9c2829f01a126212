using WeakToStrong.Core.Manifests;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// Bradley–Terry pairwise loss for reward models with soft weak preferences. Each row is a pair: logits
/// [B,2] = (r_a, r_b), the scalar rewards of its two items; targets [B,2] = (s, 1−s) with s the probability that
/// a is preferred. With Δ = r_a − r_b: loss = −[s·log σ(Δ) + (1−s)·log σ(−Δ)], mean over pairs. Hard labels
/// (s = 1 for the chosen item) give the usual −log σ(r_chosen − r_rejected).
/// </summary>
[Loss(LossName.BradleyTerry)]
public sealed class BradleyTerryLoss : ILoss, IHostLoss
{
    public static ILoss From(LossSpec _) => new BradleyTerryLoss();


    public Tensor Compute(Tensor logits, Tensor softTargets, double progress)
    {
        var delta = logits.select(1, 0) - logits.select(1, 1);
        var s = softTargets.select(1, 0);
        return -(s * F.logsigmoid(delta) + (1 - s) * F.logsigmoid(-delta)).mean();
    }

    /// <summary><see cref="Compute"/> on host arrays: ∂L/∂Δ = (σ(Δ) − s)/B, to r_a with its sign and to r_b against it.</summary>
    public double Gradient(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, double progress, Span<float> gradient)
    {
        int pairs = HostLossMath.Rows(logits, targets, gradient);
        double total = 0;
        for (int i = 0; i < pairs; i++)
        {
            double delta = (double)logits[2 * i] - logits[2 * i + 1], s = targets[2 * i];
            total -= s * HostLossMath.LogSigmoid(delta) + (1 - s) * HostLossMath.LogSigmoid(-delta);
            float g = (float)((1 / (1 + Math.Exp(-delta)) - s) / pairs);
            gradient[2 * i] = g;
            gradient[2 * i + 1] = -g;
        }
        return total / pairs;
    }

    /// <summary>Soft targets (s, 1−s) from a weak reward model's rewards: s = σ(r_a − r_b).</summary>
    public static Tensor SoftTargets(Tensor weakRewardA, Tensor weakRewardB)
    {
        var s = (weakRewardA - weakRewardB).sigmoid();
        return stack(new[] { s, 1 - s }, 1);
    }
}
