using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Tests.Runner;

public class TextProgressTests
{
    [Theory]
    [InlineData(0, 0, 42, "00:42")]
    [InlineData(0, 59, 59, "59:59")]
    [InlineData(1, 5, 20, "1:05:20")]   // was shown as 05:20 (hours dropped) during a cpu-scale pretraining
    [InlineData(26, 0, 1, "26:00:01")]
    public void EtaKeepsTheHours(int hours, int minutes, int seconds, string expected) =>
        Assert.Equal(expected, TextProgress.Eta(new TimeSpan(hours, minutes, seconds)));
}

public class TextProgressLineTests
{
    [Fact]
    public void Each_event_is_one_line_of_its_kind_and_the_last_step_is_never_throttled()
    {
        var lines = new List<ProgressLine>();
        var progress = new TextProgress(lines.Add, TimeSpan.FromHours(1));

        progress.StageStarted("weak/weak/s0", "train", 2, 5);
        progress.StageStep("weak/weak/s0", 1, 4, 0.5, 100); // throttled: an hour has not passed
        progress.StageStep("weak/weak/s0", 4, 4, 0.25, 123.4);
        progress.StageFinished("weak/weak/s0", TimeSpan.FromSeconds(1.5), "acc 0.9");
        progress.StageCached("data/s0", "data", 1, 5);
        progress.Info("5 stages");

        Assert.Equal([ProgressLineKind.StageStarted, ProgressLineKind.StageStep, ProgressLineKind.StageFinished, ProgressLineKind.StageCached, ProgressLineKind.Info],
            lines.Select(l => l.Kind));
        Assert.Equal("▶ [2/5] weak/weak/s0", lines[0].Text);
        Assert.Matches(@"^    \[####################\] step 4/4  loss 0\.2500  123 tok/s  ETA 00:00$", lines[1].Text);
        Assert.Equal("✓ weak/weak/s0 1.5s acc 0.9", lines[2].Text);
        Assert.Equal("✓ [1/5] data/s0 (cached)", lines[3].Text);
        Assert.Equal("5 stages", lines[4].Text);
    }

    [Fact]
    public void Once_the_plan_is_known_step_and_finish_lines_carry_the_stage_of_the_run_its_elapsed_time_and_ETA()
    {
        var lines = new List<ProgressLine>();
        var now = TimeSpan.Zero;
        var progress = new TextProgress(lines.Add, TimeSpan.FromSeconds(10), () => now);

        progress.RunStarted(["data", "weak", "weak"]);
        progress.StageCached("data/s0", "data", 1, 3);
        progress.StageStarted("weak/s0", "weak", 2, 3);
        now = TimeSpan.FromSeconds(30);
        progress.StageStep("weak/s0", 1, 10, 0.5, 100);
        now = TimeSpan.FromSeconds(40);
        progress.StageStep("weak/s0", 6, 10, 0.4, 100); // 2 s per step since the first step, 4 steps left
        now = TimeSpan.FromSeconds(48);
        progress.StageStep("weak/s0", 10, 10, 0.3, 100);
        progress.StageFinished("weak/s0", TimeSpan.FromSeconds(48), "");
        progress.StageStarted("weak/s1", "weak", 3, 3);

        Assert.Equal([
            "✓ [1/3] data/s0 (cached)",
            "▶ [2/3] weak/s0",
            "    [##..................] step 1/10  loss 0.5000  100 tok/s  ETA --:--  |  stage 2/3, elapsed 00:30, run ETA ? (2 stages not yet timed)",
            "    [############........] step 6/10  loss 0.4000  100 tok/s  ETA 00:08  |  stage 2/3, elapsed 00:40, run ETA ≥ 00:08 (1 stage not yet timed)",
            "    [####################] step 10/10  loss 0.3000  100 tok/s  ETA 00:00  |  stage 2/3, elapsed 00:48, run ETA ? (1 stage not yet timed)",
            "✓ weak/s0 48.0s  |  stage 2/3, elapsed 00:48, run ETA 00:48",
            "▶ [3/3] weak/s1",
        ], lines.Select(l => l.Text));
    }
}
