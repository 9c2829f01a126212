using System.Diagnostics;
using System.Globalization;
using TorchSharp;
using WeakToStrong.Training.Losses;
using WeakToStrong.Training.Models;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bench;

/// <summary>One training-throughput measurement.</summary>
public sealed record BenchCase(string Size, int Context = 128, int BatchSize = 32, int MinibatchSize = 8, Precision Precision = Precision.Fp32, int Steps = 4);

/// <summary>Tokens/s of classifier fine-tuning and the fraction of this machine's measured matmul throughput it reaches.</summary>
public sealed record BenchResult(BenchCase Case, long NonEmbeddingParameters, double TokensPerSecond, double ModelGflops, double PeakGflops)
{
    public double FractionOfPeak => ModelGflops / PeakGflops;

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0,-9} ctx {1} {2,-4} {3,8:F0} tok/s  {4,6:F1} GFLOP/s of {5,5:F0} peak = {6,5:P1}  (N_non-emb {7:N0})",
        Case.Size, Case.Context, Case.Precision, TokensPerSecond, ModelGflops, PeakGflops, FractionOfPeak, NonEmbeddingParameters);
}

/// <summary>
/// The Bench entry point (docs/architecture.md §9): trains a GPT-2 classifier with the real trainer on random full-length
/// sequences and counts FLOPs ≈ 6·N_non-embedding·tokens (docs/architecture.md §9), against the peak of a square
/// matmul measured in the same process and dtype. Start the process with MALLOC_MMAP_MAX_=0 and a large
/// MALLOC_TRIM_THRESHOLD_ (docs/architecture.md §9), or first-touch page faults dominate.
/// </summary>
public static class ThroughputBench
{
    public static IReadOnlyList<BenchCase> DefaultCases { get; } =
    [
        new("w256-l4", Precision: Precision.Fp32), new("w256-l4", Precision: Precision.Bf16),
        new("w512-l4", Precision: Precision.Fp32), new("w512-l4", Precision: Precision.Bf16),
    ];

    public static IReadOnlyList<BenchResult> RunDefault(TextWriter output)
    {
        output.WriteLine($"threads {get_num_threads()}, MALLOC_MMAP_MAX_={Environment.GetEnvironmentVariable("MALLOC_MMAP_MAX_") ?? "(unset)"}");
        var results = new List<BenchResult>();
        foreach (var c in DefaultCases)
        {
            // Measured beside each case: on a shared VM the attainable peak moves with the neighbours' load.
            double peak = MatmulGflops(c.Precision == Precision.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32);
            var r = Run(c, peak);
            output.WriteLine(r);
            results.Add(r);
        }
        return results;
    }

    /// <summary>Best GFLOP/s of a 1024² matmul (2n³ FLOPs) in <paramref name="dtype"/> over a few repeats: the
    /// attainable peak (a median would fold other processes' load into the denominator).</summary>
    public static double MatmulGflops(ScalarType dtype, int n = 1024, int repeats = 15)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n).to(dtype);
        var b = randn(n, n).to(dtype);
        a.matmul(b);
        var times = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            a.matmul(b).Dispose();
            times.Add(sw.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / times.Min() / 1e9;
    }

    public static BenchResult Run(BenchCase c, double peakGflops)
    {
        var config = Gpt2Config.Parse(c.Size, nPositions: Math.Max(c.Context, 128));
        var rng = new Random(0);
        int n = c.BatchSize * (c.Steps + 1);
        var data = Enumerable.Range(0, n)
            .Select(i => (Enumerable.Range(0, c.Context).Select(_ => rng.Next(config.VocabSize)).ToArray(), new float[] { i % 2, 1 - i % 2 }))
            .ToList();
        using var model = Gpt2Classifier.Create(config, seed: 0);
        var options = new TrainOptions
        {
            LearningRate = 5e-5, BatchSize = c.BatchSize, MinibatchSize = c.MinibatchSize, Epochs = 1, Precision = c.Precision,
        };
        // The first step pays for allocation and first touch; time the rest.
        var times = new List<(double Seconds, long Tokens)>();
        var clock = Stopwatch.StartNew();
        double last = 0;
        ClassifierTrainer.Train(model, data, options, new XentLoss(), new InlineProgress(p =>
        {
            double now = clock.Elapsed.TotalSeconds;
            if (p.Step > 1) times.Add((now - last, (long)c.BatchSize * c.Context));
            last = now;
        }));
        double tokensPerSecond = times.Sum(t => t.Tokens) / times.Sum(t => t.Seconds);
        double gflops = 6.0 * config.NonEmbeddingParameters * tokensPerSecond / 1e9;
        return new BenchResult(c, config.NonEmbeddingParameters, tokensPerSecond, gflops, peakGflops);
    }

    private sealed class InlineProgress(Action<TrainProgress> report) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => report(value);
    }
}
