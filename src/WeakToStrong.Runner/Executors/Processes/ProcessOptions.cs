using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Execution;

namespace WeakToStrong.Runner.Executors.Processes;

/// <summary>
/// `--jobs N` with N above 1 (docs/speed.md "Stages as processes"): up to <see cref="Jobs"/> stages at once, each in
/// its own process of the front-end that started the run.
/// </summary>
public sealed record ProcessOptions
{
    public required int Jobs { get; init; }

    /// <summary>
    /// The argv that runs one stage of a plan file: the front-end's own stage verb (`w2s stage run …`, `build.sh
    /// StageRun …`), as a Slurm job runs it, so a child runs the same stage code as this process would.
    /// </summary>
    public required Func<StageJob, IReadOnlyList<string>> StageCommand { get; init; }

    /// <summary>What `--jobs` asks for: null (one stage at a time, in this process) when it is absent or 1.</summary>
    /// <exception cref="UserError">Below 1, or above 1 with the Slurm executor (whose jobs are Slurm's to place).</exception>
    public static ProcessOptions? For(int? jobs, bool slurm, Func<StageJob, IReadOnlyList<string>> stageCommand) => jobs switch
    {
        null or 1 => null,
        < 1 or > ThreadCount.Max => throw new UserError($"--jobs must be between 1 and {ThreadCount.Max} (got {jobs})"),
        _ when slurm => throw new UserError("--jobs is for the local executor: with --executor slurm, Slurm places the stage jobs"),
        _ => new ProcessOptions { Jobs = jobs.Value, StageCommand = stageCommand },
    };
}
