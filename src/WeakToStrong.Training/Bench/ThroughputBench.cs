using System.Diagnostics;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Pretraining;
using WeakToStrong.Training.Throughput;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bench;

/// <summary>
/// The loops a run's hours go to, each timed with the real trainer, pretrainer or predictor after one warm-up
/// step, and reported against the matmul peak measured just before it (<see cref="MatmulPeak"/>, docs/speed.md): on a
/// shared VM the attainable peak moves with the neighbours' load. Start the process with MALLOC_MMAP_MAX_=0 and a
/// large MALLOC_TRIM_THRESHOLD_ (the w2s tool does), or first-touch page faults dominate.
/// </summary>
public static class ThroughputBench
{
    /// <summary>Fine-tuning: <paramref name="steps"/> optimiser steps (forward, backward, Adam) over the first
    /// batches of <paramref name="examples"/>, after one untimed step.</summary>
    public static ThroughputReport FineTune(ISequenceClassifier model, IReadOnlyList<(int[] Ids, float[] SoftLabel)> examples, TrainOptions options, int steps)
    {
        var dtype = SupervisedTrainer.ComputeType(options.Precision);
        double peak = MatmulPeak.Gflops(dtype);
        var once = options with { Epochs = 1, Seed = 1 };
        SupervisedTrainer.Train(model, examples.Take(options.BatchSize).ToList(), once, new XentLoss());
        int n = Math.Min(examples.Count, options.BatchSize * steps);
        var r = SupervisedTrainer.Train(model, examples.Take(n).ToList(), once, new XentLoss());
        return ThroughputReport.Measure(r.TokensTrained, r.PaddedTokens, r.TrainingTime, FlopModel.TrainingPerToken(model.Module), dtype, peak);
    }

    /// <summary>The label and evaluation pass: soft predictions of every example, batched as the stages batch them.</summary>
    public static ThroughputReport Predict(ISequenceClassifier model, IReadOnlyList<int[]> examples, Precision precision, int batchSize = 64)
    {
        var dtype = SupervisedTrainer.ComputeType(precision);
        SupervisedTrainer.SetPrecision(model, precision);
        double peak = MatmulPeak.Gflops(dtype);
        Predictor.PredictProbabilities(model, examples.Take(batchSize).ToList(), batchSize);
        var clock = Stopwatch.StartNew();
        Predictor.PredictProbabilities(model, examples, batchSize, out var tokens);
        return ThroughputReport.Measure(tokens.Real, tokens.Padded, clock.Elapsed, FlopModel.InferencePerToken(model.Module), dtype, peak);
    }

    /// <summary>Causal-LM pretraining of a fresh body on a random token stream (every window is full, so its
    /// length distribution does not matter), timed after its second step.</summary>
    public static ThroughputReport Pretrain(Gpt2Config config, PretrainOptions options)
    {
        var dtype = options.Precision == Precision.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32;
        double peak = MatmulPeak.Gflops(dtype);
        var rng = new Random(0);
        var stream = Enumerable.Range(0, 200_000).Select(_ => rng.Next(config.VocabSize)).ToArray();
        using var body = new Gpt2Model(config, seed: 0);
        const int untimed = 2;
        var clock = new Stopwatch();
        LanguageModelPretrainer.Train(body, stream, options with { Steps = options.Steps + untimed },
            new InlineProgress(p => { if (p.Step == untimed) clock.Start(); }));
        clock.Stop();
        long tokens = (long)options.Steps * options.BatchSize * options.ContextLength;
        return ThroughputReport.Measure(tokens, tokens, clock.Elapsed, FlopModel.PretrainingPerToken(body, config.VocabSize, config.NEmbd), dtype, peak);
    }

    /// <summary>Random full-length sequences of <paramref name="length"/> tokens with alternating labels (for a
    /// model size no bundled task trains, so no task's lengths apply).</summary>
    public static List<(int[] Ids, float[] SoftLabel)> FullLength(int count, int length, int vocab)
    {
        var rng = new Random(0);
        return Enumerable.Range(0, count)
            .Select(i => (Enumerable.Range(0, length).Select(_ => rng.Next(vocab)).ToArray(), new float[] { i % 2, 1 - i % 2 }))
            .ToList();
    }

    private sealed class InlineProgress(Action<TrainProgress> report) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => report(value);
    }
}
