using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary><c>xent</c>: cross-entropy against the (soft) targets, −Σ y·log_softmax(z), mean over the batch.</summary>
public sealed class XentLoss : ILoss
{
    public string Name => "xent";

    public Tensor Compute(Tensor logits, Tensor softTargets, double progress) =>
        LossMath.SoftCrossEntropy(logits, softTargets).mean();
}
