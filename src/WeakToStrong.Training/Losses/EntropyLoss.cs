using WeakToStrong.Core.Manifests;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// <c>entropy</c>: cross-entropy on the weak targets plus a warmed-up entropy penalty on the student's own
/// predictions, (1−c)·CE(z, y) + c·H(softmax z) = CE(z, (1−c)·y + c·p) with the gradient flowing through p.
/// EleutherAI/w2s's "entropy" is the same target with p detached (logconf with harden=False); its gradient is
/// then (1−c)(p − y), just xent at a smaller learning rate. We keep the gradient through H on purpose, which
/// is the entropy minimisation the name promises.
/// </summary>
[Loss(LossName.Entropy)]
public sealed class EntropyLoss(AuxWarmup warmup) : ILoss
{
    public static ILoss From(LossSpec spec) => new EntropyLoss(AuxWarmup.From(spec));

    public AuxWarmup Warmup { get; } = warmup;


    public Tensor Compute(Tensor logits, Tensor softTargets, double progress)
    {
        double c = Warmup.Coefficient(progress);
        var logp = logits.log_softmax(1);
        var xent = -(softTargets * logp).sum(1);
        var entropy = -(logp.exp() * logp).sum(1);
        return (xent * (1 - c) + entropy * c).mean();
    }
}
