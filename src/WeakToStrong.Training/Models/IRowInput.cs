using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// Optional for an <see cref="ISequenceClassifier"/> whose every input is one row of a table it holds (a probe on
/// frozen features, <see cref="Probes.FeatureProbe"/>). Its examples are row ids dressed as one-token sequences so
/// the predictor and the general training loop run unchanged on them; when a batch is one minibatch, the trainer
/// instead hands it the batch's rows as one index tensor and skips collation, padding masks and minibatch
/// composition, which cost more than the probe's matmul does (docs/speed.md, "Probe heads").
/// </summary>
public interface IRowInput
{
    /// <summary>The table rows one example reads, in the order <see cref="ClassifyRows"/> takes them.</summary>
    long[] RowsOf(int[] ids);

    /// <summary>Logits, one row per example, for the examples' rows concatenated in example order.</summary>
    Tensor ClassifyRows(Tensor rows);
}
