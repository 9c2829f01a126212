using System.Runtime.InteropServices;

namespace WeakToStrong.Runner.Executors;

/// <summary>
/// The child's half of a parent that starts it with the `W2S_REEXEC` marker (w2s's malloc re-exec, Cli/MallocSettings.cs;
/// a `--jobs` stage process, Processes/StageProcess.cs; both front-ends call this first): it asks the kernel for SIGKILL when its parent dies
/// (prctl PR_SET_PDEATHSIG), so that `kill -9` of the visible `w2s` ends the training too and the OS drops its stage
/// locks. The parent may already have died before the request: then the child is not its child any more and stops.
/// The marker is the supervisor's alone: it is taken out of this process's environment at once, because whatever the
/// child starts inherits it, and a Slurm stage job (sbatch exports the submitter's environment) then found a "parent"
/// that was not its own and killed itself with exit 137 before writing a line (docs/cluster.md).
/// </summary>
public static class ParentDeath
{
    /// <summary>The environment variable that carries the parent's pid to the child.</summary>
    public const string Marker = "W2S_REEXEC";

    const int PrSetPdeathsig = 1;

    /// <summary>Marks a child about to be started from this process: it will die with this process.</summary>
    public static void Mark(IDictionary<string, string?> childEnvironment) =>
        childEnvironment[Marker] = System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An exit code when this process is an orphaned re-exec that must not run; null to go on.</summary>
    public static int? DieWithParent()
    {
        if (!OperatingSystem.IsLinux()) return null;
        string? marker = System.Environment.GetEnvironmentVariable(Marker);
        System.Environment.SetEnvironmentVariable(Marker, null);
        if (!int.TryParse(marker, out int parent) || parent <= 1) return null;
        if (Prctl(PrSetPdeathsig, Signals.Sigkill, 0, 0, 0) != 0) return null; // no worse than before: run unguarded
        return GetParentPid() == parent ? null : 128 + Signals.Sigkill;
    }

    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    static extern int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [DllImport("libc", EntryPoint = "getppid")]
    static extern int GetParentPid();
}
