using WeakToStrong.Core.Manifests;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// <c>product</c> (reference loss.py): target ∝ p^β · y^α with p = softmax(z) detached, normalised per example,
/// then CE(z, target). α = β = 1 by default.
/// </summary>
[Loss(LossName.Product)]
public sealed class ProductLoss(double alpha, double beta) : ILoss
{
    public static ILoss From(LossSpec spec) =>
        new ProductLoss(LossFactory.Required(spec.Alpha, "alpha"), LossFactory.Required(spec.Beta, "beta"));

    public double Alpha { get; } = alpha;
    public double Beta { get; } = beta;


    public Tensor Compute(Tensor logits, Tensor softTargets, double progress)
    {
        var p = logits.detach().softmax(1);
        var target = p.pow(Beta) * softTargets.pow(Alpha);
        target = target / target.sum(1, keepdim: true);
        return LossMath.SoftCrossEntropy(logits, target).mean();
    }
}
