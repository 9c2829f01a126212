using System.Diagnostics;
using WeakToStrong.Runner.Tests.Runner;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// A run signalled twice (a user's second Ctrl-C, or `pkill -f` reaching both `w2s` and a wrapper that forwards to it)
/// stops as one signal stops it: exit 128 + the signal within 2 s, no stack trace. System.CommandLine's own handler
/// crashed on the second signal ("An attempt was made to transition a task to a final state when it had already
/// completed"). The run is kept busy without training: this test holds the store's `locks/.guard`, so it waits for it.
/// </summary>
public sealed class TerminationSignalTests : IDisposable
{
    readonly TinyExperiment _experiment = new();
    public void Dispose() => _experiment.Dispose();

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_second_signal_while_the_run_stops_changes_nothing(string signal, int exitCode)
    {
        string store = _experiment.NewStore();
        using (TinyExperiment.HoldGuard(store))
        {
            // The tool without its malloc supervisor (W2sTool), started with the signals at their defaults (env(1)),
            // so that the signals reach the process doing the work, as they do under build.sh.
            var psi = new ProcessStartInfo("env") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--default-signal=INT,TERM", "MALLOC_ARENA_MAX=1", "dotnet", W2sTool.DllPath(), "reproduce", "--experiment", "tiny",
                         "--experiments-dir", _experiment.ExperimentsDirectory, "--store", store, "--runs-dir", _experiment.RunsDirectory, "--threads", "1" })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            await Task.Delay(2500); // past start-up, into the run, waiting on the guard
            if (p.HasExited) Assert.Fail("the run ended before it was signalled: " + await error);

            for (int i = 0; i < 2; i++)
                using (var kill = Process.Start("kill", ["-" + signal, p.Id.ToString()])!)
                    await kill.WaitForExitAsync();
            bool ended = p.WaitForExit(TimeSpan.FromSeconds(3));
            if (!ended) p.Kill(entireProcessTree: true);
            Assert.True(ended, $"w2s still ran 3 s after two SIG{signal}s");
            Assert.Equal(exitCode, p.ExitCode);
            Assert.DoesNotContain("Unhandled exception", await error);
        }
    }
}
