using WeakToStrong.Engine.Tests.Application;

namespace WeakToStrong.Engine.Tests.BuildHost;

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
}
