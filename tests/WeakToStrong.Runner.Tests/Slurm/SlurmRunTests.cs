using WeakToStrong.Runner.Tests.Runner;
using System.Diagnostics;
using System.Text.Json.Nodes;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Provenance.Stages;

namespace WeakToStrong.Runner.Tests.Slurm;

/// <summary>
/// `w2s reproduce --executor slurm` on the localhost cluster (.ci/slurm-localhost): one job per stage not in the
/// store, read back into a record with the local run's key; a finished run submits nothing; a stage job killed with
/// scancel fails the run naming its stage, job and log, and the next submission computes that stage and its dependents only.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class SlurmRunTests(TinyRunFixture run) : IClassFixture<TinyRunFixture>
{
    string[] Reproduce(string store, string runs) =>
        ["reproduce", "--experiment", "tiny", "--experiments-dir", run.Experiment.ExperimentsDirectory,
         "--store", store, "--runs-dir", runs, "--threads", "2", "--executor", "slurm"];

    static RunRecord Record(string output) =>
        RunRecord.Read(output.Split('\n').Single(l => l.StartsWith("record ", StringComparison.Ordinal))["record ".Length..]);

    /// <summary>Stage id → job id of the submission that produced <paramref name="record"/> (provenance only).</summary>
    static Dictionary<string, string> Jobs(RunRecord record) =>
        record.Provenance["executor"]!["jobs"]!.AsObject().ToDictionary(j => j.Key, j => (string)j.Value!);

    IEnumerable<string> StageIds => run.Record.Hashed["stages"]!.AsArray().Select(s => (string)s!["id"]!);

    /// <summary><paramref name="stage"/> and every stage that reads it, directly or not, from the local run's record.</summary>
    List<string> WithDependents(string stage)
    {
        var stages = run.Record.Hashed["stages"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var found = new HashSet<string> { stage };
        foreach (var s in stages) // the record lists stages in plan order: inputs first
            if (s["inputs"]!.AsObject().Any(i => found.Contains(i.Key))) found.Add((string)s["id"]!);
        return StageIds.Where(found.Contains).ToList();
    }

    [SlurmFact]
    public async Task TheTinyExperimentThroughSlurmHasTheLocalRunsKeyAndASecondSubmissionSubmitsNothing()
    {
        string store = run.Experiment.NewStore();
        string runs = Path.Combine(run.Experiment.Root, "runs-slurm");
        var clock = Stopwatch.StartNew();
        var first = await W2sTool.RunAsync(Reproduce(store, runs));
        var firstTime = clock.Elapsed;
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(run.RunKey == W2sTool.RunKey(first.Output), RecordDifference.Explain(run.RunKey, run.Record, W2sTool.RunKey(first.Output), runs,
            expectedStore: run.Store, actualStore: store));
        var record = Record(first.Output);
        Assert.Equal("slurm", (string)record.Provenance["executor"]!["name"]!);
        Assert.Equal(StageIds, Jobs(record).Keys); // one job per stage, in plan order
        Assert.Equal(StageIds.Count(), Jobs(record).Values.Distinct().Count());

        clock.Restart();
        var second = await W2sTool.RunAsync(Reproduce(store, runs));
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.Equal(run.RunKey, W2sTool.RunKey(second.Output));
        Assert.Contains("slurm: every stage is in the store; nothing to submit\n", second.Output);
        Assert.Empty(Jobs(Record(second.Output)));
        Console.WriteLine($"slurm: {StageIds.Count()} stage jobs in {firstTime.TotalSeconds:F1} s (local fixture run: {run.Record.Provenance["seconds"]} s); resubmission {clock.Elapsed.TotalSeconds:F1} s");
    }

    [SlurmFact]
    public async Task AScancelledStageJobFailsNamingItAndTheNextSubmissionRecomputesOnlyItAndItsDependents()
    {
        const string killed = "label/weak/s0";
        string store = run.Experiment.NewStore();
        string runs = Path.Combine(run.Experiment.Root, "runs-scancel");
        string key = (string)run.Record.Hashed["stages"]!.AsArray().Single(s => (string)s!["id"]! == killed)!["key"]!;
        string jobId;
        (int ExitCode, string Output, string Error) first;
        using (var p = W2sTool.Start(Reproduce(store, runs)))
        {
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            // Holding the stage's lock keeps its job waiting (RUNNING) until it is cancelled: the stage takes about
            // a second once it starts, which a cancel sent after squeue said RUNNING could miss on a loaded machine.
            using (StageLock.Acquire(store, key, killed, _ => { }))
            {
                jobId = await RunningJob($"w2s:tiny:{killed}", TimeSpan.FromMinutes(5));
                var cancel = SlurmCluster.Run("scancel", jobId)!.Value;
                Assert.True(cancel.ExitCode == 0, $"scancel {jobId}: {cancel.Output}");
                // scancel returns before the job's process is gone: released now, the lock let the stage finish
                // inside a job already cancelled (fresh-ci, 2026-12-06), so it stays held until Slurm drops the job.
                await Gone(jobId, TimeSpan.FromMinutes(2));
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await p.WaitForExitAsync(timeout.Token);
            first = (p.ExitCode, await output, await error);
        }
        Assert.True(first.ExitCode == 1, first.Output + first.Error);
        string log = Path.Combine(store, "slurm", "logs", "tiny", $"label_weak_s0-{jobId}.log");
        Assert.Matches($@"^error: stage {killed} failed: Slurm job {jobId} CANCELLED \(exit \S+\); log {log}\n$", first.Error);

        var next = await W2sTool.RunAsync(Reproduce(store, runs));
        Assert.True(next.ExitCode == 0, next.Output + next.Error);
        Assert.True(run.RunKey == W2sTool.RunKey(next.Output), RecordDifference.Explain(run.RunKey, run.Record, W2sTool.RunKey(next.Output), runs,
            expectedStore: run.Store, actualStore: store));
        Assert.Equal(WithDependents(killed), Jobs(Record(next.Output)).Keys);
        Assert.Equal(4, Jobs(Record(next.Output)).Count); // the label stage, its two transfers and evaluate
    }

    [SlurmFact]
    public void The_build_hosts_Reproduce_through_slurm_reads_a_finished_store_back_with_the_local_runs_key()
    {
        var host = Application.FrontEnds.Host(run.Experiment.Root, "Reproduce", "--experiment", "tiny", "--store", run.Store, "--threads", "2", "--executor", "slurm");

        Assert.True(host.ExitCode == 0, host.Output + host.Error);
        Assert.Contains("slurm: every stage is in the store; nothing to submit\n", host.Output);
        Assert.Contains($"run {run.RunKey}\n", host.Output);
    }

    [SlurmFact]
    public async Task ADetachedSubmissionReturnsAtOnceAndTheSameCommandAgainCollectsItsJobsWithoutSubmittingAny()
    {
        string store = run.Experiment.NewStore();
        string runs = Path.Combine(run.Experiment.Root, "runs-detached");
        int stages = StageIds.Count();

        var detached = await W2sTool.RunAsync([.. Reproduce(store, runs), "--detach"]);

        Assert.True(detached.ExitCode == 0, detached.Output + detached.Error);
        Assert.Matches($@"(?m)^detached: {stages} slurm jobs queued \({stages} submitted now\), plan \S+\.json$", detached.Output);
        Assert.False(Directory.Exists(Path.Combine(runs, "tiny")), "a detached submission wrote a record before any stage ran");

        var collected = await W2sTool.RunAsync(Reproduce(store, runs));

        Assert.True(collected.ExitCode == 0, collected.Output + collected.Error);
        // Each stage was followed to its queued job or read from the store, whichever the jobs had reached.
        Assert.Matches(@"(?m)^slurm: (0 jobs submitted in \S+ s, \d+ still queued from an earlier submission; \d+ stages already in the store;|every stage is in the store; nothing to submit$)", collected.Output);
        Assert.True(run.RunKey == W2sTool.RunKey(collected.Output), RecordDifference.Explain(run.RunKey, run.Record, W2sTool.RunKey(collected.Output), runs,
            expectedStore: run.Store, actualStore: store));
    }

    /// <summary>Returns once Slurm no longer lists job <paramref name="jobId"/> (cancelled and its processes ended).</summary>
    static async Task Gone(string jobId, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (!SlurmCluster.Queue().ContainsKey(jobId)) return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"job {jobId} was still listed {within} after scancel");
    }

    /// <summary>The id of the job named <paramref name="name"/> once Slurm says it is RUNNING.</summary>
    static async Task<string> RunningJob(string name, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            var running = SlurmCluster.Queue().FirstOrDefault(j => j.Value == (name, "RUNNING"));
            if (running.Key is not null) return running.Key;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"no job {name} ran within {within}");
    }
}
