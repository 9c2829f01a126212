using System.Runtime.InteropServices;

namespace WeakToStrong.Runner.Executors;

/// <summary>kill(2): what w2s's malloc supervisor (Cli/MallocSettings.cs) and `--jobs` (Processes/StageProcess.cs) send their children.</summary>
public static class Signals
{
    public const int Sigkill = 9;
    public const int Sigterm = 15;

    /// <returns>0, or -1 when the process is gone or not ours.</returns>
    public static int Send(int pid, int signal) => Kill(pid, signal);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);
}
