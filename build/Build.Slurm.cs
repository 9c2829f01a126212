using System.Globalization;
using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Executors;
using WeakToStrong.Runner.Executors.Processes;
using WeakToStrong.Runner.Executors.Slurm;

/// <summary>
/// `Reproduce --executor slurm` (docs/cluster.md) and the target its jobs run, `StageRun`: the host submits one job per
/// stage not in the store, and each job runs this same host's StageRun through the shared `stage run` verb.
/// </summary>
partial class Build
{
    [Parameter("Reproduce: where stages run, local (this process) or slurm (one sbatch job per stage not in the store; docs/cluster.md).")]
    readonly Executor Executor = Executor.Local;

    [Parameter("Reproduce --executor slurm: the partition for the stage jobs (default: the cluster's).")]
    readonly string? Partition;

    [Parameter("Reproduce --executor slurm: the account to charge (default: the user's).")]
    readonly string? Account;

    [Parameter("Reproduce --executor slurm: each stage job's time limit, in sbatch's form (30, 2:00:00).")]
    readonly string? Time;

    [Parameter("Reproduce --executor slurm: GPUs for each stage that trains (with --device cuda).")]
    readonly int GpusPerStage;

    [Parameter("Reproduce --executor slurm: submit and return; the same command again waits for the jobs and writes the record.")]
    readonly bool Detach;

    [Parameter("StageRun: the plan file a Slurm job runs a stage of (<store>/slurm/plans/…).")]
    readonly string? PlanFile;

    [Parameter("StageRun: the stage id in that plan, e.g. weak/weak/s0.")]
    readonly string? StageId;

    [Parameter("StageRun: write how the stage ran (cached, seconds, summary, throughput) as JSON to this file (what --jobs reads back).")]
    readonly string? ExecutionOut;

    [Parameter("Reproduce, Suite: stages at once, each in its own process at --threads threads (default 1; with N, threads default to cores / N; docs/speed.md).")]
    readonly int? Jobs;

    Target StageRun => _ => _
        .Description("Runs one stage of a plan file into the store (what a Reproduce --executor slurm job runs; its inputs must be in the store).")
        .Requires(() => PlanFile)
        .Requires(() => StageId)
        .Executes(async () =>
        {
            var request = new StageRunRequest(Path.GetFullPath(PlanFile!, RootDirectory), StageId!,
                string.IsNullOrEmpty(Store) ? null : Path.GetFullPath(Store, RootDirectory), Threads, Device.ToString().ToLowerInvariant(),
                ExecutionOut is null ? null : Path.GetFullPath(ExecutionOut, RootDirectory));
            var done = await StageRunVerb.RunAsync(request, HostProgress.For(Output));
            Output.Write(TextRenderer.StageRun(done));
        });

    /// <summary>The Slurm options of Reproduce, or null for the local executor; a Slurm parameter without it is an error.</summary>
    SlurmOptions? SlurmExecutorOptions()
    {
        if (Executor != Executor.Slurm)
        {
            if (Partition is not null || Account is not null || Time is not null || GpusPerStage != 0 || Detach)
                throw new HostException("Reproduce: --partition, --account, --time, --gpus-per-stage and --detach need --executor slurm");
            return null;
        }
        return new SlurmOptions
        {
            Partition = Partition, Account = Account, Time = Time, GpusPerStage = GpusPerStage, Detach = Detach,
            StageCommand = StageJobCommand,
        };
    }

    /// <summary>`--jobs`' options for Reproduce and Suite: null for one stage at a time.</summary>
    ProcessOptions? ProcessExecutorOptions() => ProcessOptions.For(Jobs, Executor == Executor.Slurm, StageJobCommand);

    /// <summary>What a Slurm job or a `--jobs` child runs: this compiled host again, at this root, with the stage's parameters.</summary>
    IReadOnlyList<string> StageJobCommand(StageJob job) =>
    [
        .. SelfInvocation.Current(), "StageRun", "--root", RootDirectory.ToString(), "--plan-file", job.PlanFile, "--stage-id", job.StageId,
        "--store", job.StoreRoot, "--threads", job.Threads.ToString(CultureInfo.InvariantCulture), "--device", job.Device, "--no-logo",
        .. job.ExecutionFile is { } file ? new[] { "--execution-out", file } : [],
    ];
}
