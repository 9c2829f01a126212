using TorchSharp;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>Soft predictions of a classifier: softmax of its logits, batched, without gradients.</summary>
public static class Predictor
{
    /// <summary>p [N][2] in the order of <paramref name="ids"/>, on the classifier's device. For a
    /// <see cref="PairwiseRewardModel"/> the examples are packed pairs and p = (P(a ≻ b), P(b ≻ a)).</summary>
    public static float[][] PredictProbabilities(ISequenceClassifier classifier, IReadOnlyList<int[]> ids, int batchSize = 32)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize));
        var device = classifier.Module.parameters().First().device;
        var result = new float[ids.Count][];
        using var _ = no_grad();
        for (int start = 0; start < ids.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var chunk = ids.Skip(start).Take(batchSize).ToList();
            var (x, mask) = Collator.For(classifier, chunk, device);
            var p = classifier.Classify(x, mask).to(ScalarType.Float32).softmax(1).cpu().data<float>().ToArray();
            for (int i = 0; i < chunk.Count; i++) result[start + i] = [p[2 * i], p[2 * i + 1]];
        }
        return result;
    }
}
