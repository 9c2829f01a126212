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
public sealed class BradleyTerryLoss : ILoss
{
    public static ILoss From(LossSpec _) => new BradleyTerryLoss();


    public Tensor Compute(Tensor logits, Tensor softTargets, double progress)
    {
        var delta = logits.select(1, 0) - logits.select(1, 1);
        var s = softTargets.select(1, 0);
        return -(s * F.logsigmoid(delta) + (1 - s) * F.logsigmoid(-delta)).mean();
    }

    /// <summary>Soft targets (s, 1−s) from a weak reward model's rewards: s = σ(r_a − r_b).</summary>
    public static Tensor SoftTargets(Tensor weakRewardA, Tensor weakRewardB)
    {
        var s = (weakRewardA - weakRewardB).sigmoid();
        return stack(new[] { s, 1 - s }, 1);
    }
}
