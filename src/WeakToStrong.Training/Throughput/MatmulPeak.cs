using System.Collections.Concurrent;
using System.Diagnostics;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Throughput;

/// <summary>
/// The machine's attainable matmul rate, the denominator of every "fraction of peak" (docs/speed.md): the best
/// GFLOP/s of a 1024² matmul (2n³ FLOPs) in a dtype over a few repeats, after a warm-up. Best, not median: a median
/// would fold other processes' load into the denominator.
/// </summary>
public static class MatmulPeak
{
    private static readonly ConcurrentDictionary<ScalarType, double> Measured = new();

    /// <summary>Measured once per process and dtype, at first use (about a second), with the current thread count.</summary>
    public static double Cached(ScalarType dtype) => Measured.GetOrAdd(dtype, d => Gflops(d));

    /// <summary>A fresh measurement. It first multiplies for <paramref name="warmup"/>: measured here, the first
    /// second of matmuls ran at about half the rate of the next (206 against 410 GFLOP/s in bf16), so an unwarmed
    /// peak flatters every fraction measured against it.</summary>
    public static double Gflops(ScalarType dtype, int n = 1024, int repeats = 15, TimeSpan? warmup = null)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n).to(dtype);
        var b = randn(n, n).to(dtype);
        var warming = Stopwatch.StartNew();
        do a.matmul(b).Dispose();
        while (warming.Elapsed < (warmup ?? TimeSpan.FromSeconds(1)));
        var best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            a.matmul(b).Dispose();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / best / 1e9;
    }
}
