using System.Diagnostics;

namespace WeakToStrong.Runner.Tests.Slurm;

/// <summary>
/// The localhost Slurm the executor's tests submit to (.ci/slurm-localhost starts it; .ci/run calls that script), and
/// the few client commands the tests use to look at it.
/// </summary>
static class SlurmCluster
{
    /// <summary>Why these tests cannot run here, or null when a controller answers.</summary>
    public static readonly string? Unavailable = Probe();

    static string? Probe()
    {
        if (Run("scontrol", "ping") is not { } ping)
            return "Slurm's client commands are not installed (run .ci/slurm-localhost as root)";
        return ping.Output.Contains("is UP", StringComparison.Ordinal)
            ? null
            : "no Slurm controller answers (run .ci/slurm-localhost as root): " + ping.Output.Trim().ReplaceLineEndings(" ");
    }

    /// <summary>Why a mount namespace cannot be made here (unshare needs CAP_SYS_ADMIN), or null.</summary>
    public static readonly string? NoMountNamespace =
        Run("unshare", "--mount", "--propagation", "private", "true") is { ExitCode: 0 } ? null : "unshare --mount is not permitted here";

    public static (int ExitCode, string Output)? Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var error = p.StandardError.ReadToEndAsync();
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>This user's jobs in the queue: job id → (name, state).</summary>
    public static Dictionary<string, (string Name, string State)> Queue() =>
        Run("squeue", "--noheader", "--me", "--format=%i|%j|%T")!.Value.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Split('|')).Where(p => p.Length == 3)
            .ToDictionary(p => p[0], p => (p[1], p[2]));
}

/// <summary>A test that needs the localhost Slurm; skipped, with the reason, where none answers.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmCluster.Unavailable is { } why) Skip = why;
    }

    /// <summary>Also needs a private mount namespace (to give the submitter a store the jobs cannot see).</summary>
    public bool NeedsMountNamespace
    {
        get => false;
        set
        {
            if (value && Skip is null && SlurmCluster.NoMountNamespace is { } why) Skip = why;
        }
    }
}
