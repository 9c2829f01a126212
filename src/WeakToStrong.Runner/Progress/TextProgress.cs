using System.Diagnostics;
using System.Globalization;

namespace WeakToStrong.Runner.Progress;

/// <summary>
/// A line per stage and a throttled progress line while it trains (step, loss, tokens/s, the stage's ETA at its
/// measured pace); once the plan is known, step and finish lines also say where the whole run stands: stage i of n,
/// elapsed, and the run's ETA (<see cref="RunEstimator"/>). The wording lives here once; where the lines go, and
/// whether they are coloured, is the front-end's choice (Spectre stays out of this library).
/// </summary>
public sealed class TextProgress : IRunProgress, IParallelProgress
{
    readonly Action<ProgressLine> _write;
    readonly Func<TimeSpan> _clock;
    readonly TimeSpan _every;
    TimeSpan _lastLineAt;
    RunEstimator? _run;
    StepRate _stage = new();
    /// <summary>Stages started and not yet finished, by id: several at once under `--jobs`.</summary>
    readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    /// <summary>Stages the run's ETA assumes at once (<see cref="Lanes"/>).</summary>
    int _lanes = 1;

    /// <param name="every">The least time between two step lines of a stage (its last step is always shown).</param>
    /// <param name="clock">Time since some fixed start; a test passes its own, the console a stopwatch.</param>
    public TextProgress(Action<ProgressLine> write, TimeSpan every, Func<TimeSpan>? clock = null)
    {
        _write = write;
        _every = every;
        if (clock is null)
        {
            var stopwatch = Stopwatch.StartNew();
            clock = () => stopwatch.Elapsed;
        }
        _clock = clock;
    }

    /// <summary>Plain lines into <paramref name="writer"/>, a step line at most every <see cref="Interval"/>.</summary>
    public TextProgress(TextWriter writer) : this(line => writer.WriteLine(line.Text), Interval(Interactive(writer))) { }

    /// <summary>Every 2 s on a terminal; every 10 s in a log (a redirected stream or CI=true), which is read later.</summary>
    public static TimeSpan Interval(bool interactive) => interactive ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);

    static bool Interactive(TextWriter writer) =>
        !string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && (writer == Console.Out ? !Console.IsOutputRedirected : writer == Console.Error && !Console.IsErrorRedirected);

    public void RunStarted(IReadOnlyList<string> stageKinds) => _run = new RunEstimator(stageKinds, _clock(), _lanes);

    /// <summary>`--jobs`: the run's ETA is the work left over this many stages at once (call before <see cref="RunStarted"/>).</summary>
    public void Lanes(int lanes) => _lanes = lanes;

    public void StageStarted(string stageId, string kind, int index, int total)
    {
        var now = _clock();
        _lastLineAt = now;
        _stage = new StepRate();
        _run?.StageStarted(index, now);
        _running[stageId] = index;
        // Exactly `▶ [i/n] id`: tests and scripts find a run's computed stages by these lines (Audit/SharedStoreTests.cs).
        _write(new(ProgressLineKind.StageStarted, $"▶ [{index}/{total}] {stageId}"));
    }

    public void StageCached(string stageId, string kind, int index, int total)
    {
        _run?.StageCached(index);
        _write(new(ProgressLineKind.StageCached, $"✓ [{index}/{total}] {stageId} (cached)"));
    }

    /// <remarks>A forward-only stage (features) reports a NaN loss: the line then shows none.</remarks>
    public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond)
    {
        var now = _clock();
        _stage.Report(step, totalSteps, now);
        _run?.StageStep(step, totalSteps, now);
        if (step != totalSteps && now - _lastLineAt < _every) return;
        _lastLineAt = now;
        double fraction = totalSteps == 0 ? 1 : (double)step / totalSteps;
        int filled = (int)Math.Round(fraction * 20);
        string bar = new string('#', filled) + new string('.', 20 - filled);
        string eta = _stage.Remaining(now) is { } rest ? Eta(rest) : "--:--";
        _write(new(ProgressLineKind.StageStep, string.Create(CultureInfo.InvariantCulture,
            $"    [{bar}] step {step}/{totalSteps}  {(double.IsNaN(loss) ? "" : $"loss {loss:F4}  ")}{tokensPerSecond:F0} tok/s  ETA {eta}") + RunSuffix(now)));
    }

    /// <summary>`  |  stage 3/12, elapsed 04:12, run ETA 20:15` on step and finish lines; empty until the plan is known (<see cref="RunStarted"/>).</summary>
    string RunSuffix(TimeSpan now) => _run is null ? "" : "  |  " + RunText(_run.Estimate(now));

    /// <summary>
    /// The run's standing in words. While some stage still to run has no measured class, the ETA is what is known and
    /// says so (`≥ … (k stages not yet timed)`) rather than pretend; with nothing known yet it is `?`.
    /// </summary>
    public static string RunText(RunEstimate e)
    {
        string eta = e.Unestimated == 0 ? Eta(e.Remaining)
            : e.Remaining > TimeSpan.Zero ? $"≥ {Eta(e.Remaining)} ({e.Unestimated} {Stages(e.Unestimated)} not yet timed)"
            : $"? ({e.Unestimated} {Stages(e.Unestimated)} not yet timed)";
        return $"stage {e.Stage}/{e.Total}, elapsed {Eta(e.Elapsed)}, run ETA {eta}";
    }

    static string Stages(int n) => n == 1 ? "stage" : "stages";

    /// <summary>mm:ss, or h:mm:ss from an hour on (a cpu-scale pretraining stage runs for over an hour).</summary>
    public static string Eta(TimeSpan eta) => eta.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)eta.TotalHours}:{eta:mm\\:ss}")
        : eta.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    public void StageFinished(string stageId, TimeSpan elapsed, string summary)
    {
        var now = _clock();
        if (_running.Remove(stageId, out int index)) _run?.StageFinished(index, now);
        else _run?.StageFinished(now);
        _write(new(ProgressLineKind.StageFinished,
            string.Create(CultureInfo.InvariantCulture, $"✓ {stageId} {elapsed.TotalSeconds:F1}s {summary}").TrimEnd() + RunSuffix(now)));
    }

    public void Info(string message) => _write(new(ProgressLineKind.Info, message));
}
