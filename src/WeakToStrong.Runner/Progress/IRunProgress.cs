namespace WeakToStrong.Runner.Progress;

/// <summary>What a run tells its user while it works; the console, a test or a log implements it.</summary>
public interface IRunProgress
{
    /// <summary>
    /// A plan starts: each stage's kind in order, so a whole-run estimate can be kept (<see cref="RunEstimator"/>).
    /// Empty by default: a sink that only counts or collects lines needs nothing from it.
    /// </summary>
    void RunStarted(IReadOnlyList<string> stageKinds) { }
    void StageStarted(string stageId, string kind, int index, int total);
    void StageCached(string stageId, string kind, int index, int total);
    void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond);
    void StageFinished(string stageId, TimeSpan elapsed, string summary);
    void Info(string message);
}

/// <summary>Discards everything (tests).</summary>
public sealed class SilentProgress : IRunProgress
{
    public static readonly SilentProgress Instance = new();
    public void StageStarted(string stageId, string kind, int index, int total) { }
    public void StageCached(string stageId, string kind, int index, int total) { }
    public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond) { }
    public void StageFinished(string stageId, TimeSpan elapsed, string summary) { }
    public void Info(string message) { }
}
