using System.Diagnostics;
using System.Runtime.InteropServices;
using WeakToStrong.Runner.Executors;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Cli;

/// <summary>
/// Measured here: with glibc's defaults a GPT-2-vocabulary step ran 224 tok/s; with MALLOC_MMAP_MAX_=0 and a huge trim
/// threshold set before the process starts, 994 tok/s (docs/architecture.md §9; the settings are
/// <see cref="MallocEnvironment"/>'s table). build.sh exports them; the tool sets them by re-executing itself once
/// (W2S_REEXEC guards against a loop; W2S_NO_REEXEC=1 or any of the table's variables already set opts out).
/// The visible process is then only a supervisor, and behaves as `timeout` does: every terminating signal it can catch
/// goes on to the child, and it exits with the child's status. A SIGKILL it cannot catch is covered from the child's side
/// (Runner/Executors/ParentDeath.cs): the child dies with it, so a killed `w2s` leaves no process training under init.
/// </summary>
static class MallocSettings
{
    public static int? ReexecIfNeeded(string[] args)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var env = System.Environment.GetEnvironmentVariables();
        if (MallocEnvironment.Names.Any(env.Contains) || env.Contains(ParentDeath.Marker) || env.Contains("W2S_NO_REEXEC"))
            return null;
        string? process = System.Environment.ProcessPath;
        if (process is null) return null;
        var psi = new ProcessStartInfo(process) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            psi.ArgumentList.Add(typeof(MallocSettings).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        MallocEnvironment.Apply(psi.Environment);
        // The supervisor's pid: the child checks it is still its parent once it has asked to die with it.
        ParentDeath.Mark(psi.Environment);

        // Registered before the child exists, so that a signal arriving in between is not the default (exit, child orphaned).
        int childPid = 0, signalled = 0, exited = 0;
        var forwarded = Forwarded.Select(s => PosixSignalRegistration.Create(s.Signal, context =>
        {
            context.Cancel = true;
            if (Volatile.Read(ref childPid) is > 0 and var pid)
            {
                Signals.Send(pid, SentToChild);
                // As `timeout -k`: a child still there after a grace period (its run busy in code that does not look at
                // the cancellation) is killed, so that nothing of ours outlives the signal by more than 2 s.
                if (Interlocked.CompareExchange(ref signalled, s.Number, 0) == 0)
                    _ = Task.Delay(Grace).ContinueWith(_ => { if (Volatile.Read(ref exited) == 0) Signals.Send(pid, Signals.Sigkill); });
            }
            else Environment.Exit(128 + s.Number);
        })).ToList();
        try
        {
            // Started on this (the main) thread, which stays blocked below for the child's whole life: the kernel's
            // parent-death signal follows the thread that forked, not the process.
            using var child = Process.Start(psi)!;
            Volatile.Write(ref childPid, child.Id);
            child.WaitForExit();
            Volatile.Write(ref exited, 1);
            // Signalled: report the signal this process was sent, whatever the child made of its SIGTERM (143, or 1 when
            // it arrived while the run was cancelling itself; seen in a full CI run) or of the grace period's SIGKILL.
            return Volatile.Read(ref signalled) is > 0 and var first ? 128 + first : child.ExitCode;
        }
        finally
        {
            foreach (var registration in forwarded) registration.Dispose();
        }
    }

    static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(1500);

    /// <summary>The terminating signals .NET lets a process catch, with their Linux numbers for kill(2).</summary>
    static readonly (PosixSignal Signal, int Number)[] Forwarded =
    [
        (PosixSignal.SIGHUP, 1), (PosixSignal.SIGINT, 2), (PosixSignal.SIGQUIT, 3), (PosixSignal.SIGTERM, 15),
    ];

    /// <summary>What the child is sent, whichever of them arrived: SIGTERM, which its run cancels on within its 1 s
    /// termination timeout (Program.cs). A child inherits ignored signals: under `nohup` it ignores SIGHUP, as a shell's
    /// background job ignores SIGINT, so forwarding those as they came did nothing until the grace period's SIGKILL,
    /// and in a loaded full CI run that took it past 2 s (SIGHUP and SIGQUIT failed there; SIGTERM passed).</summary>
    const int SentToChild = 15;

}
