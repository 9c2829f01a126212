using System.Diagnostics;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// `w2s` as a user starts it: none of the variables that stop it re-executing itself for its malloc settings
/// (Cli/MallocSettings.cs), so the visible process is the supervisor and the work runs in its child. <see cref="W2sTool"/>
/// sets those variables (a SIGKILL must hit the process doing the work); tests of what the re-exec changes use this.
/// </summary>
static class ToolAsUsersStartIt
{
    static readonly string[] ReexecStoppers = [.. MallocEnvironment.Names, "W2S_REEXEC", "W2S_NO_REEXEC"];

    /// <summary>Starts `dotnet w2s.dll <paramref name="args"/>` through env(1), which unsets the variables and execs
    /// dotnet in its own pid with the terminating signals at their defaults (a test host started under `nohup`, or as a
    /// shell's background job, passes SIGHUP or SIGINT on ignored, and a process that ignores SIGHUP is meant to outlive
    /// it); <paramref name="set"/> adds NAME=VALUE pairs (e.g. PATH).</summary>
    public static Process Start(IReadOnlyDictionary<string, string> set, params string[] args)
    {
        var psi = new ProcessStartInfo("env") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var name in ReexecStoppers)
        {
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add(name);
        }
        psi.ArgumentList.Add("--default-signal=HUP,INT,QUIT,TERM");
        foreach (var (name, value) in set) psi.ArgumentList.Add($"{name}={value}");
        psi.ArgumentList.Add("dotnet");
        psi.ArgumentList.Add(W2sTool.DllPath());
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    /// <summary>Runs to the end within <paramref name="limit"/>; the exit code and both streams.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan limit, IReadOnlyDictionary<string, string> set, params string[] args)
    {
        using var p = Start(set, args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await p.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"w2s {string.Join(' ', args)} ran past {limit}; its output so far:\n{await output}");
        }
        return (p.ExitCode, await output, await error);
    }
}
