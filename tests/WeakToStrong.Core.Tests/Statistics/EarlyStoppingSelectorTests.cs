using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Tests.Statistics;

public class EarlyStoppingSelectorTests
{
    [Fact]
    public void Picks_the_highest_score() =>
        Assert.Equal(2, EarlyStoppingSelector.Best([0.5, 0.6, 0.7, 0.65], s => s));

    [Fact]
    public void A_tie_goes_to_the_earliest_point() =>
        Assert.Equal(1, EarlyStoppingSelector.Best([0.5, 0.7, 0.6, 0.7], s => s));

    [Fact]
    public void Points_without_a_score_are_never_chosen() =>
        Assert.Equal(2, EarlyStoppingSelector.Best([double.NaN, 0.1, 0.2, double.NaN], s => s));

    [Fact]
    public void No_scored_point_gives_minus_one() =>
        Assert.Equal(-1, EarlyStoppingSelector.Best(new double[] { double.NaN }, s => s));

    [Fact]
    public void Empty_schedule_gives_minus_one() =>
        Assert.Equal(-1, EarlyStoppingSelector.Best(Array.Empty<double>(), s => s));
}
