using System.Diagnostics;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Runner.Tests.Runner;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Stages;

namespace WeakToStrong.Runner.Tests.Executors;

/// <summary>
/// `w2s reproduce --jobs 2` on the tiny experiment: the heavy stages in processes of their own, the rest in the tool's
/// own process. At the fixture's thread count it writes the fixture's run key (a stage's bits do not depend on what ran
/// beside it); SIGTERM (`timeout`, a CI cancel) ends it and leaves no stage process behind.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class ProcessExecutorRunTests(TinyRunFixture run) : IClassFixture<TinyRunFixture>
{
    string[] Reproduce(string store, string runs, string threads) =>
        ["reproduce", "--experiment", "tiny", "--experiments-dir", run.Experiment.ExperimentsDirectory,
         "--store", store, "--runs-dir", runs, "--threads", threads, "--jobs", "2"];

    [Fact]
    public async Task Two_jobs_at_the_fixtures_thread_count_give_its_run_key_and_each_child_reports_its_stage_back()
    {
        string store = run.Experiment.NewStore();
        string runs = Path.Combine(run.Experiment.Root, "runs-jobs");

        var (code, output, error) = await W2sTool.RunAsync(Reproduce(store, runs, "2"));

        Assert.True(code == 0, output + error);
        string key = W2sTool.RunKey(output);
        Assert.True(run.RunKey == key, RecordDifference.Explain(run.RunKey, run.Record, key, runs, expectedStore: run.Store, actualStore: store));
        var record = RunRecord.Read(Path.Combine(runs, "tiny", key + ".json"));
        Assert.Equal("local", (string)record.Provenance["executor"]!["name"]!);
        Assert.Equal(2, (int)record.Provenance["executor"]!["processes"]!);
        Assert.True(File.Exists((string)record.Provenance["executor"]!["plan"]!));
        Assert.Equal(2, record.First.Threads);
        // A heavy stage ran in a child: its log is there and its throughput came back through the execution file.
        var pretrain = record.First.Stages.Single(s => s.Id == "pretrain/weak");
        Assert.False(pretrain.Cached);
        Assert.Equal(2, (int)pretrain.Timing!["threads"]!);
        Assert.Contains("stage pretrain/weak of tiny, 2 threads", File.ReadAllText(Path.Combine(store, "jobs", "logs", "tiny", "pretrain_weak.log")));
        Assert.Contains("✓ pretrain/weak ", output);
        // The tiny GPT-2's fine-tune is a small model's: it ran here, with no child and no log of its own.
        Assert.False(record.First.Stages.Single(s => s.Id == "weak/weak/s0").Cached);
        Assert.False(File.Exists(Path.Combine(store, "jobs", "logs", "tiny", "weak_weak_s0.log")));
    }

    [Fact]
    public async Task Sigterm_ends_the_run_within_seconds_and_leaves_no_stage_process_behind()
    {
        string store = run.Experiment.NewStore();
        string runs = Path.Combine(run.Experiment.Root, "runs-jobs-cancelled");
        const string held = "pretrain/weak"; // the first heavy stage: its child waits for this lock until cancelled
        string key = (string)run.Record.Hashed["stages"]!.AsArray().Single(s => (string)s!["id"]! == held)!["key"]!;
        string log = Path.Combine(store, "jobs", "logs", "tiny", "pretrain_weak.log");
        using (StageLock.Acquire(store, key, held, _ => { }))
        {
            using var p = W2sTool.Start(Reproduce(store, runs, "1"));
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(log) && File.ReadAllText(log).Contains("waiting", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromMinutes(1) && !p.HasExited)
                await Task.Delay(100);
            if (!File.Exists(log) || p.HasExited)
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                Assert.Fail($"no child waited for {held}: {await output}{await error}");
            }

            using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])!) await kill.WaitForExitAsync();
            bool ended = p.WaitForExit(TimeSpan.FromSeconds(5));
            var left = ProcessesNaming(store);
            for (var wait = Stopwatch.StartNew(); left.Count > 0 && wait.Elapsed < TimeSpan.FromSeconds(2); left = ProcessesNaming(store))
                await Task.Delay(100); // a child killed with its parent may take a moment to go
            if (!ended) p.Kill(entireProcessTree: true);
            Assert.True(ended, "w2s still ran 5 s after SIGTERM");
            Assert.Equal(143, p.ExitCode); // 128 + SIGTERM (Cli/TerminationSignals.cs)
            Assert.Empty(left);
        }
        Assert.False(Directory.Exists(Path.Combine(runs, "tiny")), "a cancelled run wrote a record");
    }

    /// <summary>Live processes whose command line names <paramref name="text"/> (a stage process names its store).</summary>
    static List<string> ProcessesNaming(string text)
    {
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                string cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(text, StringComparison.Ordinal)) found.Add($"{Path.GetFileName(dir)}: {cmdline}");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
