using Microsoft.Extensions.Configuration;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Output;
using WeakToStrong.Build.Host.Parameters;
using WeakToStrong.Runner.Tests.Audit;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// The two front-ends as a user runs them: the repository's build class through the host, in-process over a root
/// folder (no environment layer, so the machine's variables cannot change what it binds), and the w2s tool as a
/// child process.
/// </summary>
static class FrontEnds
{
    public static readonly string RepositoryRoot = RootDirectoryLocator.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run from inside the repository");

    public static (int ExitCode, string Output, string Error) Host(string root, params string[] args) => HostWithVerbosityVariable(null, root, args);

    /// <summary>The host as run with NUKE_VERBOSITY set to <paramref name="variable"/> (null: unset).</summary>
    public static (int ExitCode, string Output, string Error) HostWithVerbosityVariable(string? variable, string root, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var context = new HostContext(root, HostConfiguration.LayersBelowCommandLine(root, new ConfigurationBuilder().Build()),
            HostOutput.ForWriter(output, error), variable);
        int code = WeakToStrong.Build.Host.BuildHost.Run<global::Build>(args, ["Compile"], () => context);
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Output, string Error)> W2s(params string[] args) => W2sTool.RunAsync(args);

    /// <summary>
    /// What <paramref name="target"/> itself printed: the host's output between the target's header line and the
    /// blank line before its summary table (both the host's own, not the verb's).
    /// </summary>
    public static string TargetOutput(string hostOutput, string target)
    {
        string header = $"── {target} ──\n";
        Assert.StartsWith(header, hostOutput);
        int summary = hostOutput.IndexOf("\n\n+-", header.Length, StringComparison.Ordinal);
        Assert.True(summary > 0, $"no summary table after the target's output:\n{hostOutput}");
        return hostOutput[header.Length..(summary + 1)];
    }
}
