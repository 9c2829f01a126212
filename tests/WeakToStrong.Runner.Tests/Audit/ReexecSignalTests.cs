using System.Diagnostics;
using WeakToStrong.Runner.Tests.Runner;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// `w2s` re-executes itself for its malloc settings (Cli/MallocSettings.cs), so the process a user, `timeout` or a CI
/// cancel signals is only the supervisor. Whatever ends it must end the child too, within 2 s, and leave no stage lock
/// held. (SIGINT is forwarded too, but a shell may start a background job with SIGINT ignored, so it is not
/// tested here.) The child is kept busy without training: this test holds the store's `locks/.guard`, so the run waits for it.
/// </summary>
public sealed class ReexecSignalTests : IDisposable
{
    readonly TinyExperiment _experiment = new();
    public void Dispose() => _experiment.Dispose();

    [Theory]
    [InlineData("KILL", 137)]
    [InlineData("TERM", 143)]
    [InlineData("HUP", 129)]
    [InlineData("QUIT", 131)]
    public async Task SignallingTheVisibleProcessEndsTheReexecutedChildWithinTwoSecondsAndFreesItsLocks(string signal, int exitCode)
    {
        string store = _experiment.NewStore();
        string childPid;
        using (TinyExperiment.HoldGuard(store))
        {
            using var parent = StartWithReexec("reproduce", "--experiment", "tiny", "--experiments-dir", _experiment.ExperimentsDirectory,
                "--store", store, "--runs-dir", _experiment.RunsDirectory, "--threads", "1");
            childPid = await ChildOf(parent.Id);
            await Task.Delay(1500); // past start-up, into the run, waiting on the guard
            if (parent.HasExited) Assert.Fail("the run ended before it was signalled: " + await parent.StandardError.ReadToEndAsync());

            using (var kill = Process.Start("kill", ["-" + signal, parent.Id.ToString()])!)
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }
            var stopwatch = Stopwatch.StartNew();
            while (Directory.Exists($"/proc/{childPid}") && !IsZombie(childPid) && stopwatch.Elapsed < TimeSpan.FromSeconds(2))
                await Task.Delay(50);
            Assert.False(Directory.Exists($"/proc/{childPid}") && !IsZombie(childPid), $"child {childPid} still runs 2 s after SIG{signal} to its parent");
            Assert.True(parent.WaitForExit(2000), $"the supervisor still runs 2 s after SIG{signal}");
            Assert.Equal(exitCode, parent.ExitCode);
        }

        // Every stage lock the child took can be taken now.
        foreach (var lockFile in Directory.GetFiles(Path.Combine(store, "locks")))
            using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
    }

    /// <summary>The tool as a user starts it: none of the variables that stop it re-executing itself.</summary>
    static Process StartWithReexec(params string[] args)
    {
        var p = ToolAsUsersStartIt.Start(new Dictionary<string, string>(), args);
        // Drained so that a full pipe never blocks the tool.
        _ = p.StandardOutput.ReadToEndAsync();
        return p;
    }

    static async Task<string> ChildOf(int pid)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            foreach (var task in Directory.Exists($"/proc/{pid}/task") ? Directory.GetDirectories($"/proc/{pid}/task") : Array.Empty<string>())
                if (File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var child, ..])
                    return child;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"w2s (pid {pid}) did not re-execute itself within 20 s");
    }

    /// <summary>Dead but not yet reaped by its parent: it runs nothing and holds no file.</summary>
    static bool IsZombie(string pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z'); }
        catch (IOException) { return false; }
    }
}
