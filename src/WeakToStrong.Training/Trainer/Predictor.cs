using TorchSharp;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>Soft predictions of a classifier: softmax of its logits, batched, without gradients.</summary>
public static class Predictor
{
    /// <summary>p [N][2] in the order of <paramref name="ids"/>, on the classifier's device. For a
    /// <see cref="PairwiseRewardModel"/> the examples are packed pairs and p = (P(a ≻ b), P(b ≻ a)).</summary>
    /// <remarks>Batches are composed by length as the trainer's minibatches are (<see cref="MinibatchPlan"/>, a
    /// budget of <paramref name="batchSize"/> × the longest example): each example's prediction is its own row, so
    /// only the padding it is computed beside changes, and that is masked out.</remarks>
    public static float[][] PredictProbabilities(ISequenceClassifier classifier, IReadOnlyList<int[]> ids, int batchSize = 32) =>
        PredictProbabilities(classifier, ids, batchSize, out _);

    /// <summary>As above; <paramref name="tokens"/> counts the real and the padded tokens the forwards ran.</summary>
    public static float[][] PredictProbabilities(ISequenceClassifier classifier, IReadOnlyList<int[]> ids, int batchSize, out (long Real, long Padded) tokens)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize));
        var device = classifier.Module.parameters().First().device;
        var result = new float[ids.Count][];
        var cost = ids.Select(x => MinibatchPlan.Cost(classifier, x)).ToList();
        long budget = MinibatchPlan.Budget(cost, batchSize);
        long real = 0, padded = 0;
        using var _ = no_grad();
        foreach (var batch in MinibatchPlan.Compose(cost, batchSize, budget, MinibatchComposition.ByLength))
        {
            using var scope = NewDisposeScope();
            var (x, mask) = Collator.For(classifier, batch.Select(i => ids[i]).ToList(), device);
            var p = classifier.Classify(x, mask).to(ScalarType.Float32).softmax(1).cpu().data<float>().ToArray();
            for (int k = 0; k < batch.Length; k++) result[batch[k]] = [p[2 * k], p[2 * k + 1]];
            real += mask.sum().item<long>();
            padded += mask.numel();
        }
        tokens = (real, padded);
        return result;
    }
}
