namespace WeakToStrong.Build.Experiments;

/// <summary>Where Reproduce runs the stages: in this process, or as Slurm jobs (docs/cluster.md).</summary>
public enum Executor
{
    Local,
    Slurm,
}
