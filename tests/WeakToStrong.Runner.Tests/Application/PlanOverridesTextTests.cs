using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>docs/architecture.md §3: `plan` prints every applied override with its origin (the scale's entries, then --set), in order.</summary>
public sealed class PlanOverridesTextTests
{
    [Fact]
    public void PlanTextListsTheScalesValuesAndEachSetWithItsOriginInTheOrderApplied()
    {
        var result = PlanVerb.Run(new ReproduceRequest
        {
            Experiment = "nlp-definitions", Scale = "smoke", Sets = ["training.epochs=3"],
            ExperimentsDirectory = Path.Combine(FrontEnds.RepositoryRoot, "experiments"),
            RunsDirectory = Path.Combine(Path.GetTempPath(), "unused-runs"),
        });

        var lines = TextRenderer.Plan(result).Split('\n');
        int header = Array.IndexOf(lines, "Overrides, in the order applied:");
        Assert.True(header > 0, TextRenderer.Plan(result));
        var overrides = lines.Skip(header + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(result.Resolved.Applied.Count, overrides.Count);
        Assert.Contains(overrides, l => l.EndsWith("  (scale smoke)", StringComparison.Ordinal));
        Assert.Equal("  training.epochs = 3  (command line)", overrides[^1]);
    }
}
