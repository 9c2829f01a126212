using WeakToStrong.Core.Reports;
using WeakToStrong.Core.Results;

namespace WeakToStrong.Core.Tests.Reports;

public sealed class MetricDiffTests
{
    [Fact]
    public void A_delta_is_b_minus_a_with_the_seed_se_of_both_and_of_the_delta()
    {
        var a = ReportFixture.Input();
        // b: the xent student 0.05 better on both seeds (spread unchanged), the ceiling as it was.
        var b = a with
        {
            Record = a.Record with { Runs = a.Record.Runs.Select(r => r.Loss == "xent" ? r with { TransferAcc = r.TransferAcc + 0.05 } : r).ToList() },
        };

        var delta = MetricDiff.Of(a, b).Single(m => m.Metric == "w2s acc s->l/xent");

        Assert.Equal(0.80, delta.A!.Value, 12);
        Assert.Equal(0.85, delta.B!.Value, 12);
        Assert.Equal(0.05, delta.Delta!.Value, 12);
        Assert.Equal((0.05, 0.05), (Math.Round(delta.SeA!.Value, 12), Math.Round(delta.SeB!.Value, 12)));
        Assert.Equal(Math.Sqrt(2) * 0.05, delta.Se!.Value, 12);
        Assert.Equal(1 / Math.Sqrt(2), delta.DeltaInSe!.Value, 12);
    }

    [Fact]
    public void Metrics_are_listed_in_a_fixed_order_and_one_only_b_has_has_no_a()
    {
        var a = ReportFixture.Input();
        var b = a with { Weak = [.. a.Weak, new ModelSeedAccuracy("t", 0, 0.6)] };

        var metrics = MetricDiff.Of(a, b);

        Assert.Equal(["weak acc s", "ceiling acc l", "w2s acc s->l/xent", "pgr mean s->l/xent", "pgr median s->l/xent",
            "w2s acc s->l/logconf", "pgr mean s->l/logconf", "pgr median s->l/logconf", "pgr pooled median xent", "pgr pooled median logconf", "weak acc t"],
            metrics.Select(m => m.Metric));
        var added = metrics[^1];
        Assert.Equal((null, 0.6, null), (added.A, added.B, added.Delta));
        Assert.All(metrics.Take(metrics.Count - 1), m => Assert.Equal(0, m.Delta!.Value, 12));
    }
}
