using System.Diagnostics;
using WeakToStrong.Build.Host;

namespace WeakToStrong.Build.Tools;

/// <summary>Runs the `dotnet` CLI with the host's standard streams, so its output reaches the user unchanged.</summary>
public static class DotNet
{
    public static void Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);

    /// <summary>With <paramref name="environment"/> added to the child's environment (the gate's sabotage switch, say).</summary>
    public static void Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new HostException("Could not start 'dotnet'.");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new HostException($"'dotnet {string.Join(' ', arguments)}' exited with code {process.ExitCode}.");
    }
}
