using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Runner.Executors.Processes;

/// <summary>One report at a time: under `--jobs` this process's lane reports from its own thread beside the scheduler.</summary>
sealed class SynchronizedProgress(IRunProgress inner) : IRunProgress, IParallelProgress
{
    readonly Lock _gate = new();

    public void Lanes(int lanes) { lock (_gate) (inner as IParallelProgress)?.Lanes(lanes); }
    public void RunStarted(IReadOnlyList<string> stageKinds) { lock (_gate) inner.RunStarted(stageKinds); }
    public void StageStarted(string stageId, string kind, int index, int total) { lock (_gate) inner.StageStarted(stageId, kind, index, total); }
    public void StageCached(string stageId, string kind, int index, int total) { lock (_gate) inner.StageCached(stageId, kind, index, total); }
    public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond) { lock (_gate) inner.StageStep(stageId, step, totalSteps, loss, tokensPerSecond); }
    public void StageFinished(string stageId, TimeSpan elapsed, string summary) { lock (_gate) inner.StageFinished(stageId, elapsed, summary); }
    public void Info(string message) { lock (_gate) inner.Info(message); }
}
