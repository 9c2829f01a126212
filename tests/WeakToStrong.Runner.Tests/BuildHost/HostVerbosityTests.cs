using WeakToStrong.Build.Host;
using WeakToStrong.Runner.Tests.Application;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Tests.BuildHost;

/// <summary>
/// NUKE_VERBOSITY, as NUKE reads it, beside --verbosity: Quiet leaves only the target's result and the last line,
/// Verbose adds a failure's stack trace (what W2S_VERBOSE=1 adds to w2s), a bad value is one line naming the variable.
/// </summary>
public sealed class HostVerbosityTests
{
    static readonly string[] PlanArguments = ["Plan", "--experiment", "nlp-definitions", "--scale", "smoke"];

    [Theory]
    [InlineData("Quiet")]
    [InlineData("quiet")]
    [InlineData("QUIET")]
    public void QuietFromTheVariablePrintsTheResultAndTheLastLineOnly(string value)
    {
        var normal = FrontEnds.Host(FrontEnds.RepositoryRoot, PlanArguments);
        var quiet = FrontEnds.HostWithVerbosityVariable(value, FrontEnds.RepositoryRoot, PlanArguments);

        Assert.Equal((0, ""), (quiet.ExitCode, quiet.Error));
        Assert.Equal(FrontEnds.TargetOutput(normal.Output, "Plan") + "Build succeeded.\n", quiet.Output);
    }

    [Fact]
    public void MinimalKeepsTheHeaderAndSummaryTable()
    {
        var minimal = FrontEnds.HostWithVerbosityVariable("minimal", FrontEnds.RepositoryRoot, PlanArguments);

        Assert.Equal(0, minimal.ExitCode);
        Assert.StartsWith("── Plan ──\n", minimal.Output);
        Assert.Matches(@"Plan\s*\|\s*Succeeded", minimal.Output);
    }

    [Fact]
    public void TheCommandLineWinsOverTheVariable()
    {
        var run = FrontEnds.HostWithVerbosityVariable("quiet", FrontEnds.RepositoryRoot, [.. PlanArguments, "--verbosity", "normal"]);

        Assert.StartsWith("── Plan ──\n", run.Output);
    }

    [Fact]
    public void VerboseFromTheVariableAddsTheStackTraceOfAFailure()
    {
        string[] failing = ["Reproduce", "--experiment", "nlp-definitions", "--scale", "smoke", "--threads", "0",
            "--store", Path.Combine(Path.GetTempPath(), "w2s-host-never-" + Guid.NewGuid().ToString("N"))];
        var normal = FrontEnds.Host(FrontEnds.RepositoryRoot, failing);
        var verbose = FrontEnds.HostWithVerbosityVariable("Verbose", FrontEnds.RepositoryRoot, failing);

        const string line = "Target 'Reproduce' failed: --threads must be between 1 and 1024 (got 0)\n";
        Assert.Equal((ExitCodes.Failure, line), (normal.ExitCode, normal.Error));
        Assert.Equal(ExitCodes.Failure, verbose.ExitCode);
        Assert.StartsWith(line + "WeakToStrong.Runner.Application.UserError: --threads must be", verbose.Error);
        Assert.Contains("\n   at WeakToStrong.Runner.", verbose.Error);
    }

    [Theory]
    [InlineData("loud")]
    [InlineData("2")]
    public void AnUnknownValueIsOneLineNamingTheVariableAndTheValues(string value)
    {
        var run = FrontEnds.HostWithVerbosityVariable(value, FrontEnds.RepositoryRoot, PlanArguments);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"NUKE_VERBOSITY is '{value}'; use one of Quiet, Minimal, Normal, Verbose (any case), or unset it.\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void AnEmptyVariableIsUnset()
    {
        var run = FrontEnds.HostWithVerbosityVariable("", FrontEnds.RepositoryRoot, PlanArguments);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("── Plan ──\n", run.Output);
    }
}
