using WeakToStrong.Core.Manifests;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Losses;

/// <summary>
/// <c>logconf</c>, the paper's auxiliary confidence loss (Burns et al. §4.3.2, reference loss.py): the student's
/// own hardened predictions are mixed into the weak targets. p = softmax(z); q = mean of y[:,1] over the batch;
/// t = quantile(p[:,0], q) with linear interpolation; h = one-hot(p0 ≥ t → class 0, else class 1), so a tie at
/// the threshold goes to class 0; target = (1−c)·y + c·h (detached); loss = CE(z, target).
/// Matching the threshold to the weak labels' class balance keeps the student from collapsing to one class.
/// </summary>
[Loss(LossName.LogConf)]
public sealed class LogConfidenceLoss(AuxWarmup warmup) : ILoss, IHostLoss
{
    public static ILoss From(LossSpec spec) => new LogConfidenceLoss(AuxWarmup.From(spec));

    public AuxWarmup Warmup { get; } = warmup;


    public bool CouplesExamples => true;

    public Tensor Compute(Tensor logits, Tensor softTargets, double progress)
    {
        double c = Warmup.Coefficient(progress);
        var hard = HardenedPredictions(logits.detach(), softTargets);
        var target = softTargets * (1 - c) + hard * c;
        return LossMath.SoftCrossEntropy(logits, target).mean();
    }

    /// <summary><see cref="Compute"/> on host arrays: the same threshold (p0 in fp32, torch.quantile's interpolation),
    /// the same mixed target, then the soft cross-entropy.</summary>
    public double Gradient(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, double progress, Span<float> gradient)
    {
        int batch = HostLossMath.Rows(logits, targets, gradient);
        double c = Warmup.Coefficient(progress);
        float keep = (float)(1 - c), aux = (float)c;
        Span<float> p0 = batch <= 512 ? stackalloc float[batch] : new float[batch];
        double positives = 0;
        for (int i = 0; i < batch; i++)
        {
            p0[i] = (float)(1 / (1 + Math.Exp((double)logits[2 * i + 1] - logits[2 * i])));
            positives += targets[2 * i + 1];
        }
        float threshold = HostLossMath.Quantile(p0, (float)(positives / batch));
        Span<float> mixed = batch <= 512 ? stackalloc float[2 * batch] : new float[2 * batch];
        for (int i = 0; i < batch; i++)
        {
            bool class0 = p0[i] >= threshold;
            mixed[2 * i] = targets[2 * i] * keep + (class0 ? aux : 0);
            mixed[2 * i + 1] = targets[2 * i + 1] * keep + (class0 ? 0 : aux);
        }
        return HostLossMath.SoftCrossEntropy(logits, mixed, gradient);
    }

    /// <summary>The class-balance-matched one-hot predictions h [B,2] (fp32).</summary>
    public static Tensor HardenedPredictions(Tensor logits, Tensor softTargets)
    {
        var p0 = logits.softmax(1).select(1, 0).to(ScalarType.Float32);
        var q = softTargets.select(1, 1).mean().to(ScalarType.Float32);
        var threshold = p0.quantile(q);
        var isClass0 = p0.ge(threshold);
        return stack(new[] { isClass0, isClass0.logical_not() }, 1).to(ScalarType.Float32);
    }
}
