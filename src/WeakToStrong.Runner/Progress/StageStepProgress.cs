using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Progress;

/// <summary>
/// Forwards a trainer's steps to the run's progress, on the training thread (Progress&lt;T&gt; would post them to
/// the thread pool, out of order and after the stage has finished).
/// </summary>
public sealed class StageStepProgress(IRunProgress sink, string stageId) : IProgress<TrainProgress>
{
    public void Report(TrainProgress p) => sink.StageStep(stageId, p.Step, p.TotalSteps, p.Loss, p.TokensPerSecond);
}
