using System.Text.Json.Nodes;
using WeakToStrong.Training.Throughput;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// A stage's timing as its run record keeps it (provenance, not hashed): how long it took and how fast its loop ran
/// against this machine's measured matmul peak (docs/speed.md), so that a slow run is visible in its record later.
/// </summary>
public static class StageTiming
{
    public static JsonObject Json(ThroughputReport loop, TimeSpan seconds, TimeSpan? evaluation = null)
    {
        var timing = new JsonObject
        {
            ["seconds"] = Math.Round(seconds.TotalSeconds, 2),
            ["tokensPerSecond"] = Math.Round(loop.TokensPerSecond, 1),
            ["paddedShare"] = Math.Round(loop.PaddedShare, 4),
            ["gflops"] = Math.Round(loop.Gflops, 1),
            ["peakGflops"] = Math.Round(loop.PeakGflops, 1),
            ["fractionOfPeak"] = Math.Round(loop.FractionOfPeak, 4),
            ["precision"] = loop.Precision,
            ["threads"] = loop.Threads,
        };
        if (evaluation is { } e) timing["evaluationSeconds"] = Math.Round(e.TotalSeconds, 2);
        return timing;
    }
}
