using System.Globalization;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Throughput;

/// <summary>
/// How fast one loop ran, as a run record's stage timing and the bench report it: real tokens per second, the share
/// of the tokens run that were padding, and achieved GFLOP/s (FLOPs per token × tokens/s, <see cref="FlopModel"/>)
/// as a fraction of the matmul peak measured in the same process (<see cref="MatmulPeak"/>).
/// </summary>
public sealed record ThroughputReport(double TokensPerSecond, double PaddedShare, double FlopsPerToken, double PeakGflops, string Precision, int Threads)
{
    public double Gflops => FlopsPerToken * TokensPerSecond / 1e9;

    public double FractionOfPeak => PeakGflops > 0 ? Gflops / PeakGflops : 0;

    /// <param name="realTokens">Tokens that were not padding.</param>
    /// <param name="paddedTokens">All tokens the forwards ran, padding included.</param>
    /// <param name="peakGflops">The peak to compare with; default: this process's cached measurement.</param>
    public static ThroughputReport Measure(long realTokens, long paddedTokens, TimeSpan time, double flopsPerToken, ScalarType compute, double? peakGflops = null) =>
        new(realTokens / Math.Max(time.TotalSeconds, 1e-9),
            paddedTokens > 0 ? 1.0 - (double)realTokens / paddedTokens : 0,
            flopsPerToken, peakGflops ?? MatmulPeak.Cached(compute), compute == ScalarType.BFloat16 ? "bf16" : "fp32", get_num_threads());

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "{0,8:F0} tok/s  padded {1,5:P1}  {2,6:F1} GFLOP/s of {3,5:F0} {4} peak = {5,5:P1}",
        TokensPerSecond, PaddedShare, Gflops, PeakGflops, Precision, FractionOfPeak);
}
