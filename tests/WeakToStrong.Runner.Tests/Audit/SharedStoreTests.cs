using WeakToStrong.Runner.Tests.Runner;
using System.Diagnostics;
using System.Text.RegularExpressions;
using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Runner.Tests.Audit;

/// <summary>
/// Processes sharing one store. Two runs of one experiment side by side compute each stage once (the
/// second waits for the stage lock, then takes the stage from the cache); a killed run's scratch and lock files are
/// gone after the next run.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public partial class SharedStoreTests(TinyRunFixture run) : IClassFixture<TinyRunFixture>
{
    string[] Reproduce(string store, string runs) =>
        ["reproduce", "--experiment", "tiny", "--experiments-dir", run.Experiment.ExperimentsDirectory,
         "--store", store, "--runs-dir", runs, "--threads", "2"];

    sealed record Finished(int Pid, int ExitCode, string Output, string Error);

    static async Task<Finished> RunToEnd(Process p)
    {
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        return new Finished(p.Id, p.ExitCode, await output, await error);
    }

    /// <summary>The stage ids a run computed: its "▶ [k/n] id" lines.</summary>
    static IEnumerable<string> Computed(string output) => StartLine().Matches(output).Select(m => m.Groups[1].Value);

    [Fact]
    public async Task TwoRunsOnOneStoreComputeEveryStageOnceAndBothGetTheRunKey()
    {
        string store = run.Experiment.NewStore();
        var clock = Stopwatch.StartNew();
        using var a = W2sTool.Start(Reproduce(store, Path.Combine(run.Experiment.Root, "runs-a")));
        using var b = W2sTool.Start(Reproduce(store, Path.Combine(run.Experiment.Root, "runs-b")));
        var both = await Task.WhenAll(RunToEnd(a), RunToEnd(b));
        var elapsed = clock.Elapsed;

        Assert.All(both, r => Assert.True(r.ExitCode == 0, r.Output + r.Error));
        Assert.All(both, r => Assert.Equal(run.RunKey, W2sTool.RunKey(r.Output)));
        var computed = both.SelectMany(r => Computed(r.Output)).ToList();
        Assert.Equal(run.Record.Hashed["stages"]!.AsArray().Select(s => (string)s!["id"]!).Order(StringComparer.Ordinal),
            computed.Order(StringComparer.Ordinal));
        // Whoever waited names the other process as the holder.
        var waits = both.SelectMany(r => WaitLine().Matches(r.Output).Select(m => (Waiter: r.Pid, Holder: int.Parse(m.Groups[2].Value)))).ToList();
        Assert.NotEmpty(waits);
        Assert.All(waits, w => Assert.Equal(both.Single(r => r.Pid != w.Waiter).Pid, w.Holder));
        Assert.Equal([".guard"], Directory.GetFiles(Path.Combine(store, "locks")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(Path.Combine(store, "tmp")));
        Console.WriteLine($"two runs on one store: {elapsed.TotalSeconds:F1} s, {waits.Count} waits");
    }

    [Fact]
    public async Task AKilledRunsScratchAndLockFilesAreGoneAfterTheNextRun()
    {
        string store = run.Experiment.NewStore();
        string runs = Path.Combine(run.Experiment.Root, "runs-killed");
        using (var p = W2sTool.Start(Reproduce(store, runs)))
        {
            _ = p.StandardError.ReadToEndAsync();
            while (await p.StandardOutput.ReadLineAsync() is { } line)
                if (line.EndsWith("] pretrain/weak", StringComparison.Ordinal)) break;
            await Task.Delay(300);
            Assert.False(p.HasExited, "the run ended before it could be killed mid-stage");
            p.Kill(); // SIGKILL: no cleanup
            await p.WaitForExitAsync();
        }
        // What a kill leaves: the stage's scratch folder and its lock and pid files.
        Assert.Single(Directory.GetDirectories(Path.Combine(store, "tmp"), "stage-*"));
        Assert.Contains(Directory.GetFiles(Path.Combine(store, "locks")), f => f.EndsWith(".lock", StringComparison.Ordinal));

        var next = await RunToEnd(W2sTool.Start(Reproduce(store, runs)));

        Assert.True(next.ExitCode == 0, next.Output + next.Error);
        string key = W2sTool.RunKey(next.Output);
        Assert.True(run.RunKey == key, RecordDifference.Explain(run.RunKey, run.Record, key, runs));
        Assert.Empty(Directory.GetDirectories(Path.Combine(store, "tmp"), "stage-*"));
        Assert.Equal([".guard"], Directory.GetFiles(Path.Combine(store, "locks")).Select(Path.GetFileName));
    }

    [GeneratedRegex(@"^▶ \[\d+/\d+\] (\S+)$", RegexOptions.Multiline)]
    private static partial Regex StartLine();

    [GeneratedRegex(@"^waiting for stage (\S+) held by pid (\d+)$", RegexOptions.Multiline)]
    private static partial Regex WaitLine();
}
