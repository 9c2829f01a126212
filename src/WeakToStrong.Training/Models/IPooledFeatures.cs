using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// A classifier that can hand out what its head reads: the pooled hidden state [B, FeatureSize] in fp32 (BERT's
/// masked mean, GPT-2's last real token). A linear probe is a head on exactly these features, so the features
/// stage computes them once per split and <see cref="FeatureProbe"/> trains on them (docs/engine.md "Frozen features").
/// </summary>
public interface IPooledFeatures
{
    long FeatureSize { get; }

    /// <summary>Pooled features [B, FeatureSize] (fp32) of right-padded ids and mask [B,T]; callers run it under no_grad.</summary>
    Tensor Pooled(Tensor inputIds, Tensor attentionMask);
}
