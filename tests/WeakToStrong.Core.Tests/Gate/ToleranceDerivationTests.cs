using WeakToStrong.Core.Gate;

namespace WeakToStrong.Core.Tests.Gate;

public class ToleranceDerivationTests
{
    [Fact]
    public void Each_row_gets_six_times_its_own_group_spread_rounded_up_to_its_familys_grid()
    {
        var spreads = new[]
        {
            new RowSpread("transfer.acc a->b/xent", [0.70, 0.72, 0.74, 0.76, 0.78]),
            new RowSpread("transfer.acc a->b/logconf", [0.70, 0.70, 0.70, 0.70, 0.71]),
            new RowSpread("pgr a->b/xent", [0.1, 0.3, 0.5, 0.7, 0.9]),
        };
        var derived = ToleranceDerivation.Derive(spreads, "test");

        var transfer = derived.Single(t => t.Family == "transfer.acc");
        // sd of 0.70..0.78 in steps of 0.02 = √0.001 = 0.031623; 6·sd = 0.18974 → 0.190 on the 0.001 grid.
        Assert.Equal(0.190, transfer.Rows["a->b/xent"], 12);
        // sd of four 0.70 and one 0.71 = 0.004472; 6·sd = 0.026833 → 0.027: its own, not the family's widest.
        Assert.Equal(0.027, transfer.Rows["a->b/logconf"], 12);
        Assert.Equal("transfer.acc a->b/xent", transfer.Widest.Metric);
        // sd = √0.1 = 0.316228; 6·sd = 1.897 → 1.90 on PGR's 0.01 grid.
        Assert.Equal(1.90, derived.Single(t => t.Family == "pgr").Rows["a->b/xent"], 12);
        Assert.Contains("10 disjoint", ToleranceDerivation.Derive([new RowSpread("weak.acc a", Enumerable.Repeat<double?>(0.7, 10).ToList())], "x")[0].Derivation);
    }

    [Fact]
    public void A_row_that_never_moved_gets_one_grid_step_and_a_row_undefined_in_a_group_gets_none()
    {
        var derived = ToleranceDerivation.Derive(
            [new RowSpread("weak.acc a", [0.7, 0.7, 0.7, 0.7, 0.7]), new RowSpread("pgr a->b/xent", [0.5, null, 0.4, 0.3, 0.2])], "test");
        Assert.Equal(0.001, Assert.Single(derived).Rows["a"]);
        Assert.Equal("weak.acc", derived[0].Family);
    }

    [Fact]
    public void The_sample_sd_divides_by_n_minus_one_and_is_undefined_for_one_value()
    {
        Assert.Equal(Math.Sqrt(0.001), RowSpread.SampleSd([0.70, 0.72, 0.74, 0.76, 0.78]), 12);
        Assert.True(double.IsNaN(RowSpread.SampleSd([1.0])));
    }
}
