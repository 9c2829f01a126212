namespace WeakToStrong.Runner.Executors.Processes;

/// <summary>A stage's child process ended without the stage in the store: its exit code, its last line and its log.</summary>
public sealed class StageProcessFailedException(string message) : Exception(message);
