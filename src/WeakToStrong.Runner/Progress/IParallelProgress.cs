namespace WeakToStrong.Runner.Progress;

/// <summary>
/// A progress sink that can tell a run of several stages at once (`--jobs`) from one at a time. Kept apart from
/// <see cref="IRunProgress"/>, which the stages read: a change here moves no stage's code key (Identity/StageCode.cs).
/// </summary>
public interface IParallelProgress
{
    /// <summary>How many stages run at once; said before <see cref="IRunProgress.RunStarted"/>.</summary>
    void Lanes(int lanes);
}
