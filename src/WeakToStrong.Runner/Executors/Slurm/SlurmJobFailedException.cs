namespace WeakToStrong.Runner.Executors.Slurm;

/// <summary>Why a stage's Slurm job did not produce it, in one line (the cause of a StageFailedException).</summary>
public sealed class SlurmJobFailedException(string message) : Exception(message);
