using WeakToStrong.Core.Manifests;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// <c>window</c> (EleutherAI/w2s confidence_window_loss): cross-entropy only on examples where the student is
/// unsure, max p &lt; 0.5 + radius; summed and divided by the whole batch size (confident examples count as 0).
/// </summary>
[Loss(LossName.Window)]
public sealed class WindowLoss(double radius) : ILoss
{
    public static ILoss From(LossSpec spec) => new WindowLoss(LossFactory.Required(spec.Radius, "radius"));

    public double Radius { get; } = radius;


    public Tensor Compute(Tensor logits, Tensor softTargets, double progress)
    {
        var unsure = logits.detach().softmax(1).max(1).values.lt(0.5 + Radius).to(ScalarType.Float32);
        return (LossMath.SoftCrossEntropy(logits, softTargets) * unsure).sum() / logits.shape[0];
    }
}
