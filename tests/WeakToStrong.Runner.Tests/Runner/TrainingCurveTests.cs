using WeakToStrong.Runner.Stages.Metrics;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>A training stage's loss curve as its metrics keep it: bucket means over at most 50 points, rounded.</summary>
public class TrainingCurveTests
{
    [Fact]
    public void Up_to_fifty_steps_are_kept_one_point_each_rounded_to_four_decimals_and_four_significant_digits()
    {
        var curve = TrainingCurve.Of([0.693147, 0.5, 0.25], [1e-4, 9.87654e-5, 3.33333e-5])!;

        Assert.Equal((0, 1), (curve.FirstStep, curve.Every));
        Assert.Equal([0.6931, 0.5, 0.25], curve.Loss);
        Assert.Equal([1e-4, 9.877e-5, 3.333e-5], curve.Lr);
    }

    [Fact]
    public void Longer_runs_are_bucketed_into_at_most_fifty_means_the_last_bucket_holding_the_rest()
    {
        // 125 steps: buckets of 3 (42 points), the last of 2 steps. Step i's loss is i, its rate 2·i.
        var losses = Enumerable.Range(0, 125).Select(i => (double)i).ToList();
        var curve = TrainingCurve.Of(losses, losses.Select(l => 2 * l).ToList(), firstStep: 10)!;

        Assert.Equal((10, 3, 42), (curve.FirstStep, curve.Every, curve.Loss.Count));
        Assert.Equal(1, curve.Loss[0]);      // mean of 0, 1, 2
        Assert.Equal(123.5, curve.Loss[^1]); // mean of 123, 124
        Assert.Equal(247, curve.Lr[^1]);
        Assert.True(TrainingCurve.Of(Enumerable.Repeat(1.0, 5000).ToList(), Enumerable.Repeat(1.0, 5000).ToList())!.Loss.Count <= TrainingCurve.MaxPoints);
    }

    [Fact]
    public void No_step_is_no_curve_and_a_rate_per_step_is_required()
    {
        Assert.Null(TrainingCurve.Of([], []));
        Assert.Throws<ArgumentException>(() => TrainingCurve.Of([1.0, 2.0], [1.0]));
    }
}
