using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Store;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>
/// Submits one `sbatch --parsable` job per stage that is not complete in the store, in plan order, each depending
/// (`--dependency=afterok:…`, `--kill-on-invalid-dep=yes`) on the jobs of the stages it reads: a stage already in the
/// store needs no job and no dependency. Slurm, not this code, cancels the dependents of a job that fails.
/// The job ids go to `&lt;store&gt;/slurm/submissions/&lt;plan file name&gt;`: a later submission of the same plan
/// follows a job that is still queued or running instead of submitting its stage twice (a detached run's collection).
/// </summary>
public static class StageJobs
{
    /// <summary>Stages that run on the device, so take <see cref="SlurmOptions.GpusPerStage"/> GPUs (the others read and write files).</summary>
    static readonly StageKind[] OnDevice = [StageKind.Pretrain, StageKind.Weak, StageKind.Ceiling, StageKind.Transfer, StageKind.Bootstrap];

    /// <summary>--partition, --account, --time as given: what the probe job and every stage job share.</summary>
    public static IReadOnlyList<string> Placement(SlurmOptions options)
    {
        var args = new List<string>();
        if (options.Partition is { Length: > 0 } p) args.Add($"--partition={p}");
        if (options.Account is { Length: > 0 } a) args.Add($"--account={a}");
        if (options.Time is { Length: > 0 } t) args.Add($"--time={t}");
        return args;
    }

    public static string LogDirectory(string storeRoot, Plan plan) => Path.Combine(storeRoot, "slurm", "logs", plan.ExperimentId);

    /// <summary>The log of a stage's job (sbatch's --output pattern when <paramref name="jobId"/> is %j).</summary>
    public static string LogFile(string storeRoot, Plan plan, Stage stage, string jobId) =>
        Path.Combine(LogDirectory(storeRoot, plan), $"{stage.Id.Replace('/', '_')}-{jobId}.log");

    /// <returns>Stage id → job id for every stage in <paramref name="pending"/>, in plan order, and which of them were submitted now.</returns>
    public static async Task<(Dictionary<string, string> Jobs, List<string> Submitted)> SubmitAsync(Plan plan, IReadOnlyList<Stage> pending,
        string planFile, string storeRoot, int threads, string device, SlurmOptions options, CancellationToken ct)
    {
        string record = SubmissionRecord(planFile, storeRoot);
        var earlier = Read(record);
        var live = await SlurmJobStates.LiveAsync(ct);
        Directory.CreateDirectory(LogDirectory(storeRoot, plan)); // slurmd does not create --output's folder
        var jobs = new Dictionary<string, string>(StringComparer.Ordinal);
        var submitted = new List<string>();
        var pendingIds = pending.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in pending)
        {
            if (earlier.TryGetValue(stage.Id, out var job) && live.ContainsKey(job))
            {
                jobs[stage.Id] = job;
                continue;
            }
            var after = stage.DependsOn.Where(pendingIds.Contains).Select(d => jobs[d]).ToList();
            var command = options.StageCommand(new StageJob(planFile, stage.Id, storeRoot, threads, device));
            var args = new List<string>
            {
                "--parsable",
                $"--job-name=w2s:{plan.ExperimentId}:{stage.Id}",
                $"--output={LogFile(storeRoot, plan, stage, "%j")}",
                $"--cpus-per-task={threads}",
            };
            args.AddRange(Placement(options));
            if (options.GpusPerStage > 0 && OnDevice.Contains(stage.Kind)) args.Add($"--gpus={options.GpusPerStage}");
            if (after.Count > 0)
            {
                args.Add("--dependency=afterok:" + string.Join(':', after));
                args.Add("--kill-on-invalid-dep=yes");
            }
            args.Add("--wrap");
            args.Add("exec " + string.Join(' ', command.Select(SlurmCommand.Quote)));
            var result = await SlurmCommand.RunAsync("sbatch", args, ct);
            string id = result.Output.Trim().Split(';')[0];
            if (result.ExitCode != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
                throw new UserError($"slurm: sbatch refused the job of stage {stage.Id}: {result.Said}"
                    + (submitted.Count > 0 ? $" ({submitted.Count} jobs were submitted before it: {string.Join(',', submitted.Select(s => jobs[s]))})" : ""));
            jobs[stage.Id] = id;
            submitted.Add(stage.Id);
            Write(record, jobs);
        }
        return (jobs, submitted);
    }

    /// <summary>Jobs of an earlier submission of <paramref name="planFile"/> that are still in Slurm's queue.</summary>
    public static async Task<IReadOnlyList<string>> StillQueuedAsync(string planFile, string storeRoot, CancellationToken ct)
    {
        var earlier = Read(SubmissionRecord(planFile, storeRoot));
        if (earlier.Count == 0) return [];
        var live = await SlurmJobStates.LiveAsync(ct);
        return earlier.Values.Where(live.ContainsKey).ToList();
    }

    static string SubmissionRecord(string planFile, string storeRoot) =>
        Path.Combine(storeRoot, "slurm", "submissions", Path.GetFileName(planFile));

    static Dictionary<string, string> Read(string path)
    {
        // What an earlier submission left: stage id → job id. Unreadable or damaged (a job id that is not a text) counts
        // as no earlier submission: its jobs, if any, are not waited for.
        try
        {
            var jobs = JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(path));
            return jobs is null || jobs.Values.Any(v => v is null) ? new(StringComparer.Ordinal)
                : jobs.ToDictionary(j => j.Key, j => j.Value!, StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return new(StringComparer.Ordinal);
        }
    }

    static void Write(string path, IReadOnlyDictionary<string, string> jobs) =>
        AtomicFile.WriteAllText(path, new JsonObject(jobs.Select(j => KeyValuePair.Create(j.Key, (JsonNode?)j.Value)))
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
}
