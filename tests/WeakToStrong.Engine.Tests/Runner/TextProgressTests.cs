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
