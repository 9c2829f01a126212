namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>
/// `--executor slurm` and its options (docs/cluster.md): where and how each stage job is submitted. Null values leave
/// the cluster's defaults in place.
/// </summary>
public sealed record SlurmOptions
{
    public string? Partition { get; init; }
    public string? Account { get; init; }
    /// <summary>A stage job's time limit in sbatch's form (`30`, `2:00:00`, `1-00:00:00`).</summary>
    public string? Time { get; init; }
    /// <summary>GPUs for each stage that trains or infers on the device (pretrain, weak, ceiling, transfer, bootstrap); 0: none.</summary>
    public int GpusPerStage { get; init; }
    /// <summary>Submit and return without waiting; a later `reproduce` with the same plan collects the result.</summary>
    public bool Detach { get; init; }
    /// <summary>
    /// The command line (argv) that runs one stage of a plan file on a node: the submitting front-end's own stage verb
    /// (`w2s stage run …`, `build.sh StageRun …`), so a job runs the same stage code as the local executor.
    /// </summary>
    public required Func<StageJob, IReadOnlyList<string>> StageCommand { get; init; }
    /// <summary>How often the submitter asks Slurm for job states while it waits.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
