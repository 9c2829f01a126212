using System.Diagnostics;

namespace WeakToStrong.Cli;

/// <summary>
/// Measured here: with glibc's defaults a GPT-2-vocabulary step ran 224 tok/s; with MALLOC_MMAP_MAX_=0 and a huge trim
/// threshold set before the process starts, 994 tok/s (docs/architecture.md §9). build.sh exports them; the tool sets them
/// by re-executing itself once (W2S_REEXEC guards against a loop; W2S_NO_REEXEC=1 opts out).
/// </summary>
static class MallocSettings
{
    public static int? ReexecIfNeeded(string[] args)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var env = System.Environment.GetEnvironmentVariables();
        if (env.Contains("MALLOC_MMAP_MAX_") || env.Contains("GLIBC_TUNABLES") || env.Contains("W2S_REEXEC") || env.Contains("W2S_NO_REEXEC"))
            return null;
        string? process = System.Environment.ProcessPath;
        if (process is null) return null;
        var psi = new ProcessStartInfo(process) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            psi.ArgumentList.Add(typeof(MallocSettings).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["MALLOC_MMAP_MAX_"] = "0";
        psi.Environment["MALLOC_TRIM_THRESHOLD_"] = "100000000000";
        psi.Environment["W2S_REEXEC"] = "1";
        using var child = Process.Start(psi)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
