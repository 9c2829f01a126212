using System.Diagnostics;

namespace WeakToStrong.Runner.Executors.Processes;

/// <summary>
/// One stage's child process: its output and errors go to a log file, it dies with this process (the re-exec marker
/// asks the kernel for SIGKILL when its parent dies: <see cref="ParentDeath"/> and <see cref="ProcessLauncher"/>), and cancelling
/// asks it to stop with SIGTERM, as `timeout` or a CI cancel does (it cancels its stage, deletes its scratch and drops
/// its lock; SIGINT may be ignored, in a shell's background job), killing it if it has not stopped 2 s later.
/// </summary>
public static class StageProcess
{
    static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(ProcessLauncher launcher, IReadOnlyList<string> argv, string log, CancellationToken ct)
    {
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1)) start.ArgumentList.Add(arg);
        ParentDeath.Mark(start.Environment);
        start.Environment["CI"] = "true"; // step lines every 10 s: a log is read later (TextProgress.Interval)
        await using var file = new StreamWriter(log, append: false) { AutoFlush = true };
        var gate = new object();
        void Write(string? line)
        {
            if (line is null) return;
            lock (gate) file.WriteLine(line);
        }
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        await launcher.StartAsync(process);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            throw;
        }
        process.WaitForExit(); // the redirected streams drained into the log
        return process.ExitCode;
    }

    /// <summary>SIGTERM, then SIGKILL of its tree if it has not ended within <see cref="Grace"/>.</summary>
    static void Stop(Process process)
    {
        try
        {
            if (process.HasExited) return;
            if (!OperatingSystem.IsWindows()) Signals.Send(process.Id, Signals.Sigterm);
            if (!process.WaitForExit(Grace)) process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It ended between the checks.
        }
    }

    /// <summary>The last non-empty line of a log: what a failed child said last (its one-line error).</summary>
    public static string LastLine(string log)
    {
        try
        {
            return File.ReadLines(log).LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "(no output)";
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
