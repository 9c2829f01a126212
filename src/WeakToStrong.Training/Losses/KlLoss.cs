using WeakToStrong.Core.Manifests;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// <c>kl</c>: KL(y ‖ softmax z) = Σ y·(log y − log_softmax z), with 0·log 0 = 0. It differs from xent by the
/// constant H(y), so the gradients are the same; only the reported value differs (0 when the student matches).
/// </summary>
[Loss(LossName.Kl)]
public sealed class KlLoss : ILoss
{
    public static ILoss From(LossSpec _) => new KlLoss();


    public Tensor Compute(Tensor logits, Tensor softTargets, double progress) =>
        (softTargets.xlogy(softTargets) - softTargets * logits.log_softmax(1)).sum(1).mean();
}
