using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// A training loss over a batch: logits z [B,2] (fp32), soft targets y [B,2] (rows sum to 1) and training progress
/// f = step/nsteps ∈ [0,1). Returns the scalar mean over the batch (docs/engine.md "Losses").
/// </summary>
public interface ILoss
{
    Tensor Compute(Tensor logits, Tensor softTargets, double progress);

    /// <summary>
    /// True when an example's term depends on the other examples of the batch (logconf's threshold is a batch
    /// quantile). The trainer then evaluates the loss on the whole batch at once; otherwise it may sum
    /// minibatch means scaled by minibatch/batch, which is the same number.
    /// </summary>
    bool CouplesExamples => false;
}

/// <summary>Shared pieces of the losses.</summary>
public static class LossMath
{
    /// <summary>Per-example cross-entropy with probability targets: −Σ_k target_k·log_softmax(z)_k, shape [B].</summary>
    public static Tensor SoftCrossEntropy(Tensor logits, Tensor target) =>
        -(target * logits.log_softmax(1)).sum(1);
}
