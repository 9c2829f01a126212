using WeakToStrong.Core.Manifests;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary><c>xent</c>: cross-entropy against the (soft) targets, −Σ y·log_softmax(z), mean over the batch.</summary>
[Loss(LossName.Xent)]
public sealed class XentLoss : ILoss, IHostLoss
{
    public static ILoss From(LossSpec _) => new XentLoss();


    public Tensor Compute(Tensor logits, Tensor softTargets, double progress) =>
        LossMath.SoftCrossEntropy(logits, softTargets).mean();

    public double Gradient(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, double progress, Span<float> gradient) =>
        HostLossMath.SoftCrossEntropy(logits, targets, gradient);
}
