namespace WeakToStrong.Runner.Progress;

/// <summary>
/// A training stage's pace, measured from its first reported step on: a stage spends its first seconds loading
/// data and models before any step, and counting those in (elapsed × (1 − f) / f) made the ETA fall from 08:48 to
/// 00:20 within one stage. Seconds per step is the mean over every step since the first report, so it moves
/// slowly; until a second report there is no pace.
/// </summary>
public sealed class StepRate
{
    int _firstStep = -1;
    TimeSpan _firstAt;
    int _lastStep;
    TimeSpan _lastAt;

    public int TotalSteps { get; private set; }

    public void Report(int step, int totalSteps, TimeSpan at)
    {
        TotalSteps = totalSteps;
        if (_firstStep < 0)
        {
            (_firstStep, _firstAt) = (step, at);
        }
        (_lastStep, _lastAt) = (step, at);
    }

    /// <summary>Seconds per step since the first report; null before two reports with steps between them.</summary>
    public double? SecondsPerStep =>
        _firstStep >= 0 && _lastStep > _firstStep ? (_lastAt - _firstAt).TotalSeconds / (_lastStep - _firstStep) : null;

    /// <summary>What is left of the stage at <paramref name="now"/>: the steps still to run at the measured pace, less the time since the last report.</summary>
    public TimeSpan? Remaining(TimeSpan now)
    {
        if (_firstStep >= 0 && _lastStep >= TotalSteps) return TimeSpan.Zero;
        if (SecondsPerStep is not { } pace) return null;
        var seconds = (TotalSteps - _lastStep) * pace - (now - _lastAt).TotalSeconds;
        return TimeSpan.FromSeconds(Math.Max(0, seconds));
    }
}
