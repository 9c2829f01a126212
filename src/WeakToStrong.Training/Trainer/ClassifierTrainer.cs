using System.Diagnostics;
using TorchSharp;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// The reference's training loop (weak_to_strong/train.py), fixed where docs/engine.md says so: Adam with
/// default betas/eps, no weight decay, no clipping; cosine annealing to 0 over ⌊n·epochs/batch⌋ steps; the loss
/// over each whole batch though it is computed in minibatches.
/// </summary>
/// <remarks>
/// Whole-batch loss in minibatches: for a loss whose terms are per example, the minibatch means scaled by
/// minibatch/batch sum to the batch mean. For a coupled loss (logconf's batch quantile) a no-grad forward over
/// the batch gives its logits z; the loss and dL/dz are computed on them once, and each minibatch then
/// back-propagates ⟨z_mb, dL/dz_mb⟩. That is the whole-batch gradient exactly when the forward is deterministic
/// and dropout is off (it is), and it holds for any loss, not only ones built from detached targets.
/// Determinism: the data order comes from <see cref="TrainOptions.Seed"/>, nothing else draws random numbers,
/// so with the same thread count the run is bit-identical (thread count is the caller's to pin).
/// </remarks>
public static class ClassifierTrainer
{
    public static TrainResult Train(
        ISequenceClassifier classifier,
        IReadOnlyList<(int[] Ids, float[] SoftLabel)> data,
        TrainOptions options,
        ILoss loss,
        IProgress<TrainProgress>? progress = null)
    {
        if (options.MinibatchSize <= 0 || options.BatchSize <= 0) throw new ArgumentException("Batch and minibatch sizes must be positive.");
        var device = DeviceSelector.Resolve(options.Device);
        var module = classifier.Module;
        module.to(device);
        SetPrecision(classifier, options.Precision);

        var batches = BatchPlan.Batches(data.Count, options.Epochs, options.BatchSize, options.Seed);
        int nsteps = batches.Length;
        var parameters = module.parameters().Where(p => p.requires_grad).ToList();
        using var optimizer = optim.Adam(parameters, lr: options.LearningRate);

        int startStep = options.StateDirectory is null ? 0 : TrainState.TryLoad(options.StateDirectory, module, optimizer);
        int endStep = Math.Min(nsteps, options.StopAfterSteps ?? nsteps);
        var losses = new List<double>(nsteps);
        var evals = new List<EvalPoint>();
        long tokens = 0;
        var clock = Stopwatch.StartNew();
        for (int step = startStep; step < endStep; step++)
        {
            double lr = LearningRates.At(options.Schedule, options.LearningRate, step, nsteps);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            double progressFraction = (double)step / nsteps;

            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var examples = batches[step].Select(i => data[i]).ToList();
                var (stepLoss, stepTokens) = loss.CouplesExamples && options.MinibatchSize < examples.Count
                    ? CoupledStep(classifier, examples, options.MinibatchSize, loss, progressFraction, device)
                    : SeparableStep(classifier, examples, options.MinibatchSize, loss, progressFraction, device);
                optimizer.step();
                losses.Add(stepLoss);
                tokens += stepTokens;
            }

            double tps = tokens / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            progress?.Report(new TrainProgress(step + 1, nsteps, losses[^1], tps, lr));
            bool last = step == nsteps - 1;
            if (options.Evaluate is not null && (last || options.EvalEvery > 0 && (step + 1) % options.EvalEvery == 0))
                evals.Add(new EvalPoint(step + 1, options.Evaluate(classifier)));
            if (options.StateDirectory is not null
                && (step + 1 == endStep || options.SaveEvery > 0 && (step + 1) % options.SaveEvery == 0))
                TrainState.Save(options.StateDirectory, module, optimizer, step + 1);
        }
        if (nsteps == 0 && options.Evaluate is not null) evals.Add(new EvalPoint(0, options.Evaluate(classifier)));
        clock.Stop();
        return new TrainResult(losses, evals, nsteps, tokens, tokens / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), clock.Elapsed, startStep);
    }

    /// <summary>bf16: matmuls in bf16 with fp32 parameters where the model supports it; otherwise the module itself
    /// is cast (lossy for small learning rates: see <see cref="IComputePrecision"/>).</summary>
    public static void SetPrecision(ISequenceClassifier classifier, Precision precision)
    {
        var dtype = precision == Precision.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32;
        if (classifier is IComputePrecision mixed) mixed.ComputeType = dtype;
        else classifier.Module.to(dtype);
    }

    private static (double Loss, long Tokens) SeparableStep(
        ISequenceClassifier classifier, List<(int[] Ids, float[] SoftLabel)> batch, int minibatch, ILoss loss, double f, Device device)
    {
        double total = 0;
        long tokens = 0;
        for (int start = 0; start < batch.Count; start += minibatch)
        {
            var mb = batch.Skip(start).Take(minibatch).ToList();
            var (ids, mask) = Collator.For(classifier, mb.Select(e => e.Ids).ToList(), device);
            var logits = classifier.Classify(ids, mask).to(ScalarType.Float32);
            var part = loss.Compute(logits, Targets(mb, device), f) * ((double)mb.Count / batch.Count);
            part.backward();
            total += part.item<float>();
            tokens += mask.sum().item<long>();
        }
        return (total, tokens);
    }

    private static (double Loss, long Tokens) CoupledStep(
        ISequenceClassifier classifier, List<(int[] Ids, float[] SoftLabel)> batch, int minibatch, ILoss loss, double f, Device device)
    {
        var chunks = Enumerable.Range(0, (batch.Count + minibatch - 1) / minibatch)
            .Select(c => batch.Skip(c * minibatch).Take(minibatch).ToList()).ToList();
        var padded = chunks.Select(mb => Collator.For(classifier, mb.Select(e => e.Ids).ToList(), device)).ToList();

        Tensor z;
        using (no_grad())
            z = cat(padded.Select(p => classifier.Classify(p.Ids, p.Mask).to(ScalarType.Float32)).ToList(), 0);
        var leaf = z.detach().requires_grad_(true);
        var whole = loss.Compute(leaf, Targets(batch, device), f);
        whole.backward();
        var dz = leaf.grad!;

        long tokens = 0;
        long offset = 0;
        foreach (var (ids, mask) in padded)
        {
            long n = ids.shape[0];
            var logits = classifier.Classify(ids, mask).to(ScalarType.Float32);
            (logits * dz.narrow(0, offset, n)).sum().backward();
            offset += n;
            tokens += mask.sum().item<long>();
        }
        return (whole.item<float>(), tokens);
    }

    private static Tensor Targets(List<(int[] Ids, float[] SoftLabel)> examples, Device device)
    {
        var flat = new float[examples.Count * 2];
        for (int i = 0; i < examples.Count; i++)
        {
            var y = examples[i].SoftLabel;
            if (y.Length != 2) throw new ArgumentException("Soft labels must have two entries (p(class 0), p(class 1)).");
            flat[2 * i] = y[0];
            flat[2 * i + 1] = y[1];
        }
        return tensor(flat, examples.Count, 2).to(device);
    }
}
