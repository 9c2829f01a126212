using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// Optional for an <see cref="ISequenceClassifier"/> whose examples are not one text each (a pair for a reward
/// model, see <see cref="PairPacking"/>): it turns its packed examples into the ids and mask its
/// <see cref="ISequenceClassifier.Classify"/> takes. <see cref="Trainer.Collator.For"/> routes to it, so the
/// trainer and the predictor need no second code path.
/// </summary>
public interface IPackedInput
{
    /// <summary>Ids and mask for <paramref name="packed"/> examples; the rows need not be one per example
    /// (a reward model gives [2B,T]), but Classify on them must return one row of logits per example.</summary>
    (Tensor Ids, Tensor Mask) Collate(IReadOnlyList<int[]> packed, int padId, Device device);
}
