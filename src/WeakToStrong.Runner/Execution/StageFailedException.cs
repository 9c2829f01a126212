namespace WeakToStrong.Runner.Execution;

/// <summary>A stage that could not complete: its id and the cause, in one line for the user (the stack stays on <see cref="Exception.InnerException"/>).</summary>
public sealed class StageFailedException(string stageId, Exception cause)
    : Exception($"stage {stageId} failed: {cause.Message}", cause)
{
    public string StageId { get; } = stageId;
}
