namespace WeakToStrong.Runner.Executors;

/// <summary>
/// What one stage's process needs to be told, whether Slurm starts it on a node or `--jobs` beside this one: the plan
/// file, the stage, the store and how to run it; <see cref="ExecutionFile"/>, where given, is where the process writes
/// how the stage ran (<see cref="Application.StageRunVerb"/>).
/// </summary>
public sealed record StageJob(string PlanFile, string StageId, string StoreRoot, int Threads, string Device, string? ExecutionFile = null);
