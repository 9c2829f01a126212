using System.Diagnostics;
using System.Runtime.InteropServices;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Identity;

/// <summary>Facts about where and how a run happened: recorded, never hashed (docs/architecture.md §6).</summary>
public static class HostProvenance
{
    /// <summary>This machine and checkout; the caller adds times, store, executor and stages.</summary>
    public static RunExecution Describe(string repositoryRoot, int threads, string device, string commandLine) => new()
    {
        Host = System.Environment.MachineName,
        Os = RuntimeInformation.OSDescription,
        Cpu = CpuModel(),
        LogicalCores = System.Environment.ProcessorCount,
        Threads = threads,
        Device = device,
        Malloc = MallocEnvironment.Current(),
        Git = Git(repositoryRoot),
        CommandLine = commandLine,
    };

    static string CpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
                if (line.StartsWith("model name", StringComparison.Ordinal))
                    return line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    static GitState Git(string root)
    {
        string? commit = RunGit(root, "rev-parse HEAD");
        string? status = RunGit(root, "status --porcelain --untracked-files=no");
        return new GitState(commit, status is null ? null : status.Length > 0);
    }

    static string? RunGit(string root, string args)
    {
        try
        {
            var psi = new ProcessStartInfo("git", args)
            {
                WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine: the record says so with nulls
        }
    }
}
