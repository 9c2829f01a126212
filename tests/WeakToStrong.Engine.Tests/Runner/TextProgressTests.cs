using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Engine.Tests.Runner;

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
}
