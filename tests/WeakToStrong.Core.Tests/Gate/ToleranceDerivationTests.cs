using WeakToStrong.Core.Gate;

namespace WeakToStrong.Core.Tests.Gate;

public class ToleranceDerivationTests
{
    [Fact]
    public void The_tolerance_is_three_combined_sds_of_the_widest_row_rounded_up_to_the_grid()
    {
        // seeds 0.70 … 0.78: variance 0.001 (n − 1), sd 0.031623; with sd_boot 0.01, √0.0011 = 0.033166, × 3 = 0.099499 → 0.100.
        var spreads = new[]
        {
            new MetricSpread("transfer.acc a->b/xent", [0.70, 0.72, 0.74, 0.76, 0.78], 0.01),
            new MetricSpread("transfer.acc a->b/logconf", [0.70, 0.70, 0.70, 0.70, 0.71], 0.01),
            new MetricSpread("pgr.median a->b/xent", [0.1, 0.3, 0.5, 0.7, 0.9], 0.05),
        };
        var derived = ToleranceDerivation.Derive(spreads, "test");
        var transfer = derived.Single(d => d.Family == "transfer.acc");
        Assert.Equal(0.1, transfer.Abs, 9);
        Assert.Equal("transfer.acc a->b/xent", transfer.Widest.Metric);
        Assert.Equal(2, transfer.Rows);
        Assert.StartsWith("3·√(sd_seed² + sd_boot²) of the widest of 2 rows (transfer.acc a->b/xent: sd_seed 0.0316 over 5 seeds, sd_boot 0.0100); test", transfer.Derivation);
        // pgr: sd_seed 0.316228, √(0.1 + 0.0025) = 0.320156, × 3 = 0.960469 → 0.97 on the 0.01 grid.
        Assert.Equal(0.97, derived.Single(d => d.Family == "pgr.median").Abs, 9);
    }

    [Fact]
    public void A_row_whose_seeds_agree_exactly_still_gets_the_bootstrap_spread()
    {
        var derived = ToleranceDerivation.Derive([new MetricSpread("weak.acc a", [0.7, 0.7, 0.7, 0.7, 0.7], 0.0145)], "test");
        Assert.Equal(0.044, Assert.Single(derived).Abs, 9); // 3 × 0.0145 = 0.0435 → 0.044
    }
}

public class ItemBootstrapTests
{
    static bool[] Bits(int n, Func<int, bool> f) => Enumerable.Range(0, n).Select(f).ToArray();

    [Fact]
    public void Items_all_right_or_all_wrong_have_no_spread_and_pgr_is_undefined_without_a_gap()
    {
        var all = Bits(200, _ => true);
        var s = ItemBootstrap.Spread(new PairItems("w", "s", "xent", all, all, all, all), 100, 0);
        Assert.Equal(0, s.WeakAcc);
        Assert.Equal(0, s.Agreement);
        Assert.Equal(100, s.PgrUndefined);
        Assert.True(double.IsNaN(s.Pgr));
    }

    [Fact]
    public void An_accuracys_bootstrap_sd_is_close_to_the_binomial_standard_error_and_is_reproducible()
    {
        var half = Bits(1000, i => i % 2 == 0);
        var items = new PairItems("w", "s", "xent", half, Bits(1000, i => i % 10 != 0), half, half);
        var a = ItemBootstrap.Spread(items, 2000, seed: 7);
        Assert.Equal(a, ItemBootstrap.Spread(items, 2000, seed: 7));
        Assert.InRange(a.WeakAcc, 0.0158 * 0.9, 0.0158 * 1.1);  // √(0.25/1000) = 0.0158
        Assert.InRange(a.CeilingAcc, 0.0095 * 0.9, 0.0095 * 1.1); // √(0.09/1000) = 0.0095
        Assert.Equal(0, a.PgrUndefined);
    }

    [Fact]
    public void Sd_is_the_sample_standard_deviation()
    {
        Assert.Equal(Math.Sqrt(0.001), ItemBootstrap.Sd([0.70, 0.72, 0.74, 0.76, 0.78]), 12);
        Assert.True(double.IsNaN(ItemBootstrap.Sd([1.0])));
    }
}
