using WeakToStrong.Build.Host;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Runner.Tests.Runner;

namespace WeakToStrong.Runner.Tests.BuildHost;

/// <summary>
/// The build host shows the shared layer's user errors (an argument, a file, a store) as w2s does: the message alone,
/// not prefixed with an exception type as it names a bug.
/// </summary>
public sealed class HostUserErrorTests
{
    [Fact]
    public void AThreadCountOutOfRangeIsTheSameLineAsW2sPrints()
    {
        var (code, output, error) = FrontEnds.Host(FrontEnds.RepositoryRoot, "Reproduce", "--experiment", "nlp-definitions", "--scale", "smoke", "--threads", "0",
            "--store", Path.Combine(Path.GetTempPath(), "w2s-host-never-" + Guid.NewGuid().ToString("N")));

        Assert.NotEqual(0, code);
        Assert.Contains("Target 'Reproduce' failed: --threads must be between 1 and 1024 (got 0)\n", output + error);
    }

    [Fact]
    public void ABlankStoreIsTheSameLineAsW2sPrints()
    {
        var (code, output, error) = FrontEnds.Host(FrontEnds.RepositoryRoot, "Reproduce", "--experiment", "nlp-definitions", "--scale", "smoke", "--store", " ");

        Assert.NotEqual(0, code);
        Assert.Contains("Target 'Reproduce' failed: --store is blank; give a folder, or leave it out for the default store\n", output + error);
    }

    [Fact]
    public async Task AManifestWithTwoErrorsIsTwoLocatedLinesAsW2sPrintsThem()
    {
        using var tiny = new TinyExperiment(m => m.Replace("\"epochs\": 1", "\"epochs\": \"one\"").Replace("\"lr\": 1e-3", "\"lr\": \"fast\""));
        const string manifest = "experiments/tiny.json"; // both name it from the folder holding experiments/

        var host = FrontEnds.Host(tiny.Root, "Plan", "--experiment", "tiny");
        var tool = await FrontEnds.W2s("plan", "-e", "tiny", "--experiments-dir", tiny.ExperimentsDirectory);

        string[] lines =
        [
            $"{manifest}(15,27): error W2S0011: 'training.epochs' must be an integer, got string \"one\".",
            $"{manifest}(15,77): error W2S0011: 'training.lr' must be a number, got string \"fast\".",
        ];
        Assert.Equal(ExitCodes.Failure, host.ExitCode);
        Assert.Equal(["Target 'Plan' failed with 2 errors:", .. lines], host.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal((1, string.Join("", lines.Select(l => l + "\n"))), (tool.ExitCode, tool.Error));
    }
}
