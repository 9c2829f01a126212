using WeakToStrong.Core.Plans;

namespace WeakToStrong.Runner.Progress;

/// <summary>Where a run stands: stage i of n, time since it started, and what is left, when it can be estimated.</summary>
/// <param name="Remaining">The time still needed for the stages that could be estimated.</param>
/// <param name="Unestimated">Stages still to run whose cost is unknown (no stage of their class has finished yet), so
/// <paramref name="Remaining"/> is a lower bound while this is above 0.</param>
public readonly record struct RunEstimate(int Stage, int Total, TimeSpan Elapsed, TimeSpan Remaining, int Unestimated);

/// <summary>
/// The whole run's ETA from measured work, as pure logic over the times it is told (the caller owns the clock):
/// the running stage's rest at its own measured pace (<see cref="StepRate"/>), plus, for every stage still to come,
/// the mean duration of the stages of its cost class that this run has computed (cached stages cost nothing and
/// are not counted). The classes follow what a stage trains: ceiling, transfer and bootstrap steps all train the
/// strong model on a train split (src/WeakToStrong.Core/Plans/Stage.cs), so one measures the others; every other
/// kind is its own class. A class with no finished stage yet is not guessed: it is counted in
/// <see cref="RunEstimate.Unestimated"/>.
/// </summary>
public sealed class RunEstimator
{
    enum State { Pending, Cached, Running, Done }

    readonly string[] _classes;
    readonly State[] _states;
    readonly TimeSpan[] _startedAtOf;
    readonly Dictionary<string, (double Seconds, int Count)> _measured = new(StringComparer.Ordinal);
    readonly TimeSpan _startedAt;
    readonly int _lanes;
    int _current = -1;
    StepRate _rate = new();

    /// <param name="kinds">Each stage's kind (<see cref="StageKind"/>, lower-case as progress names it), in plan order.</param>
    /// <param name="lanes">How many stages run at once (`--jobs`): the time still needed is the work left over that many.</param>
    public RunEstimator(IReadOnlyList<string> kinds, TimeSpan startedAt, int lanes = 1)
    {
        _classes = kinds.Select(CostClass).ToArray();
        _states = new State[kinds.Count];
        _startedAtOf = new TimeSpan[kinds.Count];
        _startedAt = startedAt;
        _lanes = Math.Max(1, lanes);
    }

    public int Total => _states.Length;

    public static string CostClass(string kind) =>
        kind is "ceiling" or "transfer" or "bootstrap" ? "strong-training" : kind;

    /// <param name="index">1-based, as progress numbers stages; one outside the plan it was given is ignored.</param>
    public void StageCached(int index)
    {
        if (InPlan(index)) _states[index - 1] = State.Cached;
    }

    public void StageStarted(int index, TimeSpan now)
    {
        if (!InPlan(index)) return;
        _current = index - 1;
        _states[_current] = State.Running;
        _startedAtOf[_current] = now;
        _rate = new StepRate();
    }

    /// <summary>A step of the stage started last (stages run in other processes report none).</summary>
    public void StageStep(int step, int totalSteps, TimeSpan now) => _rate.Report(step, totalSteps, now);

    bool InPlan(int index) => index >= 1 && index <= _states.Length;

    /// <summary>The stage started last has finished.</summary>
    public void StageFinished(TimeSpan now) => StageFinished(_current + 1, now);

    /// <summary>Stage <paramref name="index"/> (1-based) has finished: its time joins its class's mean.</summary>
    public void StageFinished(int index, TimeSpan now)
    {
        if (!InPlan(index) || _states[index - 1] != State.Running) return;
        int i = index - 1;
        _states[i] = State.Done;
        var seconds = (now - _startedAtOf[i]).TotalSeconds;
        var (sum, count) = _measured.GetValueOrDefault(_classes[i]);
        _measured[_classes[i]] = (sum + seconds, count + 1);
    }

    public RunEstimate Estimate(TimeSpan now)
    {
        double seconds = 0;
        int unestimated = 0;
        for (var i = 0; i < _states.Length; i++)
        {
            if (_states[i] is State.Cached or State.Done) continue;
            TimeSpan? rest = _states[i] == State.Running ? RunningRest(i, now) : Mean(_classes[i]);
            if (rest is { } known) seconds += known.TotalSeconds;
            else unestimated++;
        }
        int stage = _current >= 0 ? _current + 1 : 0;
        return new RunEstimate(stage, Total, now - _startedAt, TimeSpan.FromSeconds(seconds / _lanes), unestimated);
    }

    /// <summary>A running stage: the last started at its measured pace once it has one, else its class's mean less the time it has run.</summary>
    TimeSpan? RunningRest(int i, TimeSpan now)
    {
        if (i == _current && _rate.Remaining(now) is { } paced) return paced;
        if (Mean(_classes[i]) is not { } mean) return null;
        return TimeSpan.FromSeconds(Math.Max(0, (mean - (now - _startedAtOf[i])).TotalSeconds));
    }

    TimeSpan? Mean(string costClass) =>
        _measured.TryGetValue(costClass, out var m) ? TimeSpan.FromSeconds(m.Seconds / m.Count) : null;
}
