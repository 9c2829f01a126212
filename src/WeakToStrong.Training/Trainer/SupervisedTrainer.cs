using System.Diagnostics;
using TorchSharp;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// Every model that learns from targets trains here: a fine-tuned classifier, a reward model (a pair's two rewards as
/// its two logits), a probe head, the bag of words. The loop is the reference's (weak_to_strong/train.py), fixed where docs/engine.md says so: Adam with
/// default betas/eps, no weight decay, no clipping; cosine annealing to 0 over ⌊n·epochs/batch⌋ steps; the loss
/// over each whole batch though it is computed in minibatches, which are composed by length
/// (<see cref="MinibatchPlan"/>: the same gradient sum with less padding).
/// </summary>
/// <remarks>
/// Whole-batch loss in minibatches: for a loss whose terms are per example, the minibatch means scaled by
/// minibatch/batch sum to the batch mean. For a coupled loss (logconf's batch quantile) a no-grad forward over
/// the batch gives its logits z; the loss and dL/dz are computed on them once, and each minibatch then
/// back-propagates ⟨z_mb, dL/dz_mb⟩. That is the whole-batch gradient exactly when the forward is deterministic
/// and dropout is off (it is), and it holds for any loss, not only ones built from detached targets.
/// Determinism: the data order comes from <see cref="TrainOptions.Seed"/>, nothing else draws random numbers,
/// so with the same thread count the run is bit-identical (thread count is the caller's to pin; a model that is
/// <see cref="ISingleThreaded"/> always trains on one).
/// </remarks>
public static class SupervisedTrainer
{
    public static TrainResult Train(
        ISequenceClassifier classifier,
        IReadOnlyList<(int[] Ids, float[] SoftLabel)> data,
        TrainOptions options,
        ILoss loss,
        IProgress<TrainProgress>? progress = null) =>
        classifier is ISingleThreaded
            ? OneThread.Run(() => TrainHere(classifier, data, options, loss, progress))
            : TrainHere(classifier, data, options, loss, progress);

    private static TrainResult TrainHere(
        ISequenceClassifier classifier,
        IReadOnlyList<(int[] Ids, float[] SoftLabel)> data,
        TrainOptions options,
        ILoss loss,
        IProgress<TrainProgress>? progress)
    {
        if (options.MinibatchSize <= 0 || options.BatchSize <= 0) throw new ArgumentException("Batch and minibatch sizes must be positive.");
        var device = DeviceSelector.Resolve(options.Device);
        var module = classifier.Module;
        module.to(device);
        SetPrecision(classifier, options.Precision);

        var batches = BatchPlan.Batches(data.Count, options.Epochs, options.BatchSize, options.Seed);
        int nsteps = batches.Length;
        // Each example's padded cost once (a packed pair is unpacked to measure it), not once per step.
        var costs = data.Select(e => MinibatchPlan.Cost(classifier, e.Ids)).ToArray();
        long budget = MinibatchPlan.Budget(costs, options.MinibatchSize);
        using var rowBatches = RowBatches.For(classifier, data, options, device);
        var parameters = module.parameters().Where(p => p.requires_grad).ToList();
        using var optimizer = options.Optimizer switch
        {
            Optimizer.Adam => new FusedAdam(parameters, options.LearningRate),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "no such optimiser"),
        };

        var (startStep, history) = options.StateDirectory is null ? (0, TrainHistory.Empty) : TrainState.TryLoad(options.StateDirectory, module, optimizer);
        int endStep = Math.Min(nsteps, options.StopAfterSteps ?? nsteps);
        // A resumed run reports the whole run: what the saved steps measured comes back with the state.
        var losses = new List<double>(history.Losses);
        var rates = new List<double>(history.LearningRates);
        var evals = new List<StepEvaluation>(history.Evaluations);
        long tokens = 0, padded = 0; // this process's, for its throughput
        var clock = Stopwatch.StartNew();
        var sinceSave = Stopwatch.StartNew();
        var evaluating = new Stopwatch();
        // The steps share one no-GC region, renewed as its budget runs low; a host step (RowBatches.OnHost) needs none.
        bool hostSteps = rowBatches?.OnHost(loss) == true;
        using var region = hostSteps ? default : NoCollectionRegion.Hold();
        for (int step = startStep; step < endStep; step++)
        {
            double lr = LearningRates.At(options.Schedule, options.LearningRate, step, nsteps);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            double progressFraction = (double)step / nsteps;

            using (hostSteps ? default : NoCollectionRegion.Enter())
            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var (stepLoss, stepTokens) = rowBatches is not null
                    ? RowStep(rowBatches, batches[step], loss, progressFraction)
                    : ComposedStep(classifier, data, batches[step], costs, budget, options, loss, progressFraction, device);
                optimizer.step();
                losses.Add(stepLoss);
                rates.Add(lr);
                tokens += stepTokens.Real;
                padded += stepTokens.Padded;
            }

            double tps = tokens / Math.Max((clock.Elapsed - evaluating.Elapsed).TotalSeconds, 1e-9);
            progress?.Report(new TrainProgress(step + 1, nsteps, losses[^1], tps, lr));
            bool last = step == nsteps - 1;
            if (options.Evaluate is not null && (last || options.EvalEvery > 0 && (step + 1) % options.EvalEvery == 0))
            {
                evaluating.Start();
                evals.Add(new StepEvaluation(step + 1, options.Evaluate(classifier)));
                evaluating.Stop();
            }
            if (options.StateDirectory is not null && step + 1 < nsteps
                && (step + 1 == endStep || options.SaveEvery > 0 && (step + 1) % options.SaveEvery == 0
                    || options.SaveInterval is { } interval && sinceSave.Elapsed >= interval))
            {
                TrainState.Save(options.StateDirectory, module, optimizer, step + 1, new TrainHistory(losses, rates, evals));
                sinceSave.Restart();
            }
        }
        if (nsteps == 0 && options.Evaluate is not null) evals.Add(new StepEvaluation(0, options.Evaluate(classifier)));
        clock.Stop();
        var training = clock.Elapsed - evaluating.Elapsed;
        return new TrainResult(losses, evals, nsteps, tokens, tokens / Math.Max(training.TotalSeconds, 1e-9), clock.Elapsed, startStep)
        {
            PaddedTokens = padded, TrainingTime = training, EvaluationTime = evaluating.Elapsed, LearningRates = rates,
            ResumedEvaluations = history.Evaluations.Count,
        };
    }

    /// <summary>bf16: matmuls in bf16 with fp32 parameters where the model supports it; otherwise the module itself
    /// is cast (lossy for small learning rates: see <see cref="IComputePrecision"/>).</summary>
    public static void SetPrecision(ISequenceClassifier classifier, Precision precision)
    {
        var dtype = ComputeType(precision);
        if (classifier is IComputePrecision mixed) mixed.ComputeType = dtype;
        else classifier.Module.to(dtype);
    }

    private readonly record struct Tokens(long Real, long Padded);

    /// <summary>The dtype matmuls run in at <paramref name="precision"/>.</summary>
    public static ScalarType ComputeType(Precision precision) => precision == Precision.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32;

    private static (double Loss, Tokens Tokens) RowStep(RowBatches rowBatches, int[] batch, ILoss loss, double f)
    {
        var (value, rows) = rowBatches.Step(batch, loss, f);
        return (value, new Tokens(rows, rows));
    }

    /// <summary>The general step: the batch cut into minibatches (<see cref="MinibatchPlan"/>), each collated and
    /// run forward and backward.</summary>
    private static (double Loss, Tokens Tokens) ComposedStep(
        ISequenceClassifier classifier, IReadOnlyList<(int[] Ids, float[] SoftLabel)> data, int[] batch, int[] costs, long budget,
        TrainOptions options, ILoss loss, double f, Device device)
    {
        var examples = batch.Select(i => data[i]).ToList();
        var minibatches = MinibatchPlan.Compose(batch.Select(i => costs[i]).ToList(), options.MinibatchSize, budget, options.Composition)
            .Select(m => m.Select(k => examples[k]).ToList()).ToList();
        return loss.CouplesExamples && minibatches.Count > 1
            ? CoupledStep(classifier, examples, minibatches, loss, f, device)
            : SeparableStep(classifier, examples, minibatches, loss, f, device);
    }

    private static (double Loss, Tokens Tokens) SeparableStep(
        ISequenceClassifier classifier, List<(int[] Ids, float[] SoftLabel)> batch, List<List<(int[] Ids, float[] SoftLabel)>> minibatches,
        ILoss loss, double f, Device device)
    {
        double total = 0;
        long tokens = 0, padded = 0;
        foreach (var mb in minibatches)
        {
            var (ids, mask) = Collator.For(classifier, mb.Select(e => e.Ids).ToList(), device);
            var logits = classifier.Classify(ids, mask).to(ScalarType.Float32);
            var part = loss.Compute(logits, Targets(mb, device), f) * ((double)mb.Count / batch.Count);
            part.backward();
            total += part.item<float>();
            tokens += mask.sum().item<long>();
            padded += mask.numel();
        }
        return (total, new Tokens(tokens, padded));
    }

    /// <summary>A loss coupling the batch's examples (logconf's batch quantile) reads their logits in minibatch
    /// order with the targets in that same order: every loss here is symmetric in its examples.</summary>
    private static (double Loss, Tokens Tokens) CoupledStep(
        ISequenceClassifier classifier, List<(int[] Ids, float[] SoftLabel)> batch, List<List<(int[] Ids, float[] SoftLabel)>> minibatches,
        ILoss loss, double f, Device device)
    {
        var examples = minibatches.SelectMany(m => m).ToList();
        var padded = minibatches.Select(mb => Collator.For(classifier, mb.Select(e => e.Ids).ToList(), device)).ToList();

        Tensor z;
        using (no_grad())
            z = cat(padded.Select(p => classifier.Classify(p.Ids, p.Mask).to(ScalarType.Float32)).ToList(), 0);
        var leaf = z.detach().requires_grad_(true);
        var whole = loss.Compute(leaf, Targets(examples, device), f);
        whole.backward();
        var dz = leaf.grad!;

        long tokens = 0, paddedTokens = 0;
        long offset = 0;
        foreach (var (ids, mask) in padded)
        {
            var logits = classifier.Classify(ids, mask).to(ScalarType.Float32);
            long n = logits.shape[0]; // one row per example; a reward model's ids have two rows per pair
            (logits * dz.narrow(0, offset, n)).sum().backward();
            offset += n;
            tokens += mask.sum().item<long>();
            paddedTokens += mask.numel();
        }
        return (whole.item<float>(), new Tokens(tokens, paddedTokens));
    }

    /// <summary>Soft labels as a [n,2] tensor, in the examples' order.</summary>
    internal static Tensor Targets(IReadOnlyList<(int[] Ids, float[] SoftLabel)> examples, Device device)
    {
        var flat = new float[examples.Count * 2];
        for (int i = 0; i < examples.Count; i++)
        {
            var y = examples[i].SoftLabel;
            if (y.Length != 2) throw new ArgumentException("Soft labels must have two entries (p(class 0), p(class 1)).");
            flat[2 * i] = y[0];
            flat[2 * i + 1] = y[1];
        }
        using var scope = NewDisposeScope(); // holds the host tensor while .to reads it (see FeatureTable.Create)
        return tensor(flat, examples.Count, 2).to(device).MoveToOuterDisposeScope();
    }
}
