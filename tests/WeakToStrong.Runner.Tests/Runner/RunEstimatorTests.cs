using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>The whole-run ETA as pure logic over given times: exact values, seconds as the unit.</summary>
public class RunEstimatorTests
{
    static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void A_stage_pace_counts_from_its_first_step_not_from_its_start()
    {
        var rate = new StepRate();
        rate.Report(1, 101, S(50));   // 50 s of loading before the first step: not part of the pace
        rate.Report(11, 101, S(60));  // 10 steps in 10 s

        Assert.Equal((1.0, S(90)), (rate.SecondsPerStep, rate.Remaining(S(60))));
        Assert.Equal(S(85), rate.Remaining(S(65)));
    }

    [Fact]
    public void One_report_gives_no_pace_and_the_last_step_leaves_nothing()
    {
        var rate = new StepRate();
        rate.Report(3, 10, S(5));
        Assert.Null(rate.Remaining(S(5)));

        rate.Report(10, 10, S(9));
        Assert.Equal(TimeSpan.Zero, rate.Remaining(S(9)));
    }

    [Fact]
    public void The_estimate_does_not_jump_within_a_stage_the_way_elapsed_over_fraction_did()
    {
        // The old ETA, elapsed × (1 − f) / f, with 60 s of setup and then 1 s per step over 100 steps:
        // at step 2 (t = 62 s) it said 3038 s, at step 50 (t = 110 s) 110 s: the 08:48 → 00:20 kind of fall.
        var run = new RunEstimator(["weak"], S(0));
        run.StageStarted(1, S(0));
        run.StageStep(1, 100, S(61));
        run.StageStep(2, 100, S(62));
        var early = run.Estimate(S(62)).Remaining;
        run.StageStep(50, 100, S(110));
        var later = run.Estimate(S(110)).Remaining;

        Assert.Equal((S(98), S(50)), (early, later));
    }

    [Fact]
    public void Stages_to_come_cost_the_mean_of_their_class_and_cached_ones_nothing()
    {
        var run = new RunEstimator(["data", "weak", "weak", "label", "ceiling", "transfer", "transfer"], S(0));
        run.StageCached(1);
        run.StageStarted(2, S(0));
        run.StageFinished(S(100));      // weak: 100 s
        run.StageStarted(3, S(100));
        run.StageFinished(S(220));      // weak: 120 s, mean 110 s
        run.StageStarted(4, S(220));
        run.StageFinished(S(230));      // label: 10 s
        run.StageStarted(5, S(230));
        run.StageFinished(S(530));      // ceiling: 300 s, which also prices the transfers
        run.StageStarted(6, S(530));
        run.StageStep(1, 100, S(540));
        run.StageStep(51, 100, S(640)); // this transfer: 2 s per step, 49 steps left

        Assert.Equal(new RunEstimate(6, 7, S(640), S(98 + 300), 0), run.Estimate(S(640)));
    }

    [Fact]
    public void A_class_not_yet_timed_is_counted_not_guessed()
    {
        var run = new RunEstimator(["weak", "label", "ceiling", "evaluate"], S(10));
        run.StageStarted(1, S(10));
        run.StageFinished(S(70));       // weak: 60 s

        var estimate = run.Estimate(S(70));

        Assert.Equal(new RunEstimate(1, 4, S(60), TimeSpan.Zero, 3), estimate);
        Assert.Equal("stage 1/4, elapsed 01:00, run ETA ? (3 stages not yet timed)", TextProgress.RunText(estimate));
    }

    [Fact]
    public void A_running_stage_without_a_pace_yet_costs_its_class_mean_less_the_time_it_has_run()
    {
        var run = new RunEstimator(["weak", "weak", "label"], S(0));
        run.StageStarted(1, S(0));
        run.StageFinished(S(80));
        run.StageStarted(2, S(80));

        var estimate = run.Estimate(S(110));

        Assert.Equal(new RunEstimate(2, 3, S(110), S(50), 1), estimate);
        Assert.Equal("stage 2/3, elapsed 01:50, run ETA ≥ 00:50 (1 stage not yet timed)", TextProgress.RunText(estimate));
    }

    [Fact]
    public void Stages_that_run_at_once_finish_by_their_own_index_and_the_work_left_is_shared_by_the_lanes()
    {
        // --jobs 2: two weak stages side by side; the second started later but finishes first.
        var run = new RunEstimator(["weak", "weak", "weak", "weak"], S(0), lanes: 2);
        run.StageStarted(1, S(0));
        run.StageStarted(2, S(10));
        run.StageFinished(2, S(50)); // 40 s, its own start to its end
        run.StageFinished(1, S(60)); // 60 s: the class mean is 50 s

        // Two stages to come at 50 s each, over two lanes.
        Assert.Equal(new RunEstimate(2, 4, S(60), S(50), 0), run.Estimate(S(60)));
        run.StageFinished(1, S(70)); // finished already: ignored
        Assert.Equal(S(50), run.Estimate(S(70)).Remaining);
    }

    [Fact]
    public void A_stage_outside_the_plan_changes_nothing()
    {
        var run = new RunEstimator(["weak"], S(0));
        run.StageStarted(2, S(0));
        run.StageCached(0);

        Assert.Equal(new RunEstimate(0, 1, S(5), TimeSpan.Zero, 1), run.Estimate(S(5)));
    }

    [Theory]
    [InlineData("ceiling", "strong-training")]
    [InlineData("transfer", "strong-training")]
    [InlineData("bootstrap", "strong-training")]
    [InlineData("weak", "weak")]
    [InlineData("pretrain", "pretrain")]
    public void Strong_model_training_stages_share_a_cost_class(string kind, string costClass) =>
        Assert.Equal(costClass, RunEstimator.CostClass(kind));
}
