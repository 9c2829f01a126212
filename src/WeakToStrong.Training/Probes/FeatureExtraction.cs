using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Probes;

/// <summary>
/// Runs a frozen body once over every distinct input sequence and keeps its pooled features (what a linear probe's
/// head reads). Forward only, under no_grad, batched by length as the predictor batches (<see cref="MinibatchPlan"/>).
/// </summary>
public static class FeatureExtraction
{
    /// <param name="progress">After each batch: batches done, batches in all, real tokens so far.</param>
    public static FeatureTable Compute(ISequenceClassifier model, IEnumerable<int[]> sequences, int batchSize, out (long Real, long Padded) tokens,
        Action<int, int, long>? progress = null)
    {
        var pooledFeatures = model as IPooledFeatures
            ?? throw new NotSupportedException($"{model.GetType().Name} does not expose its pooled features: it cannot be probed on frozen features");
        var distinct = sequences.Distinct(FeatureTable.SequenceComparer.Instance).ToList();
        var device = model.Module.parameters().First().device;
        var cost = distinct.Select(s => s.Length).ToList();
        long budget = MinibatchPlan.Budget(cost, batchSize);
        var features = zeros(distinct.Count, pooledFeatures.FeatureSize, dtype: ScalarType.Float32);
        long real = 0, padded = 0;
        using (no_grad())
        {
            var batches = MinibatchPlan.Compose(cost, batchSize, budget, MinibatchComposition.ByLength);
            for (int b = 0; b < batches.Count; b++)
            {
                var batch = batches[b];
                using var scope = NewDisposeScope();
                var (ids, mask) = Collator.Pad(batch.Select(i => distinct[i]).ToList(), model.Encoder.PadId, device);
                var pooled = pooledFeatures.Pooled(ids, mask).to_type(ScalarType.Float32).cpu();
                features.index_copy_(0, tensor(batch.Select(i => (long)i).ToArray()), pooled);
                real += mask.sum().item<long>();
                padded += mask.numel();
                progress?.Invoke(b + 1, batches.Count, real);
            }
        }
        tokens = (real, padded);
        using (features) return FeatureTable.Create(distinct, features);
    }
}
