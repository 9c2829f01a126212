using System.Diagnostics;
using System.Text.RegularExpressions;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// The `w2s` tool as a child process (dotnet w2s.dll …), built beside this test assembly's configuration. The malloc
/// variables are set so that the tool does not re-execute itself: a SIGKILL must hit the process doing the work.
/// </summary>
static partial class W2sTool
{
    public static string DllPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // …/tests/WeakToStrong.Runner.Tests/bin/<cfg>/net10.0/
        string configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "WeakToStrong.Repro.sln"))) root = root.Parent;
        string dll = Path.Combine(root?.FullName ?? "", "src", "WeakToStrong.Cli", "bin", configuration, "net10.0", "w2s.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build src/WeakToStrong.Cli ({configuration}) first");
        return dll;
    }

    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the tool with <paramref name="environment"/> added to this process's environment.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        psi.ArgumentList.Add(DllPath());
        foreach (var a in args) psi.ArgumentList.Add(a);
        MallocEnvironment.Apply(psi.Environment);
        return Process.Start(psi)!;
    }

    /// <summary>Runs to completion; returns the exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var p = Start(args);
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await output, await error);
    }

    /// <summary>The `run &lt;key&gt;` line `w2s reproduce` ends with.</summary>
    public static string RunKey(string output) => RunLine().Match(output) is { Success: true } m
        ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"no 'run <key>' line in:\n{output}");

    [GeneratedRegex(@"^run ([0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
