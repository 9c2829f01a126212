using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Tests.Audit;

public class GateComparisonTests
{
    static EvaluateSummary Summary(double weakAcc, double? pgr) => new()
    {
        Pairs =
        [
            new PairSummary
            {
                Weak = "w", Strong = "s", Loss = "xent", Seeds = 1, ValidSeeds = 1,
                WeakAcc = weakAcc, TransferAcc = 0.75, CeilingAcc = 0.8, PgrMedian = pgr,
            },
        ],
        MedianPgrByLoss = new Dictionary<string, double?> { ["xent"] = pgr },
        Flagged = [],
    };

    static readonly JsonObject Gate = JsonNode.Parse("""{"pgr.median":{"abs":0.15},"weak.acc":{"abs":0.03},"bootstrap.acc":{"abs":1}}""")!.AsObject();

    [Fact]
    public void EachGatedMetricIsComparedPerPairAndPooledWithinItsTolerance()
    {
        var metrics = GateComparison.Compare(Gate, Summary(0.70, 0.50), Summary(0.74, 0.60));
        Assert.Equal(["pgr.median pooled/xent", "pgr.median w->s/xent", "weak.acc w->s/xent"], metrics.Select(m => m.Name));
        Assert.Equal([true, true, false], metrics.Select(m => m.Within)); // |0.1| <= 0.15; |0.04| > 0.03
    }

    [Fact]
    public void BootstrapAccuracyIsComparedPerChainAndLoss()
    {
        static EvaluateSummary WithChain(double acc) => Summary(0.70, 0.50) with
        {
            Bootstrap =
            [
                new ChainSummary
                {
                    Chain = ["a", "b", "c"], Loss = "xent", Seeds = 1, ValidSeeds = 1,
                    WeakAcc = 0.6, BootstrapAcc = acc, CeilingAcc = 0.8, Flagged = [],
                },
            ],
        };
        var gate = JsonNode.Parse("""{"bootstrap.acc":{"abs":0.03}}""")!.AsObject();
        var metric = Assert.Single(GateComparison.Compare(gate, WithChain(0.70), WithChain(0.75)));
        Assert.Equal("bootstrap.acc a->b->c/xent", metric.Name);
        Assert.Equal((0.70, 0.75), (metric.Recorded, metric.Rerun));
        Assert.False(metric.Within);
    }

    [Theory]
    // Binary-exact values, so that the boundary cases test the rule and not rounding.
    [InlineData(0.5, 0.625, 0.125, null, true)]   // on the boundary: abs is inclusive
    [InlineData(0.5, 0.6251, 0.125, null, false)]
    [InlineData(2.0, 2.25, null, 0.125, true)]    // rel scales with the recorded value
    [InlineData(2.0, 2.2501, null, 0.125, false)]
    [InlineData(0.5, 0.5, null, null, true)]  // no tolerance: equality
    public void WithinIsAbsPlusRelTimesRecorded(double recorded, double rerun, double? abs, double? rel, bool within) =>
        Assert.Equal(within, new GateMetric("m", recorded, rerun, abs, rel).Within);

    [Fact]
    public void AnUndefinedPgrAgreesOnlyWithAnUndefinedOne()
    {
        Assert.True(new GateMetric("m", null, null, 0.1, null).Within);
        Assert.False(new GateMetric("m", null, 0.3, 0.1, null).Within);
    }

    [Fact]
    public void BitIdentityIsExpectedOnlyOnTheSameThreadsDeviceCpuAndCode()
    {
        var recorded = new RunExecution { Threads = 2, Device = "cpu", Cpu = "AMD EPYC" };
        Assert.True(WeakToStrong.Runner.Auditing.RecordReplay.Expectation(recorded, recorded with { }, codeChanged: false).Expect);
        var (expect, why) = WeakToStrong.Runner.Auditing.RecordReplay.Expectation(recorded, recorded with { Threads = 4 }, codeChanged: true);
        Assert.False(expect);
        Assert.Equal("threads 2 -> 4, code identity changed", why);
    }
}
