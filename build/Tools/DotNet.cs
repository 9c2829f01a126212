using System.Diagnostics;
using WeakToStrong.Build.Host;

namespace WeakToStrong.Build.Tools;

/// <summary>Runs the `dotnet` CLI with the host's standard streams, so its output reaches the user unchanged.</summary>
public static class DotNet
{
    public static void Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new HostException("Could not start 'dotnet'.");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new HostException($"'dotnet {string.Join(' ', arguments)}' exited with code {process.ExitCode}.");
    }
}
