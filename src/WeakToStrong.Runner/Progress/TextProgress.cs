using System.Diagnostics;
using System.Globalization;

namespace WeakToStrong.Runner.Progress;

/// <summary>
/// A line per stage and a throttled progress line while it trains (step, loss, tokens/s, ETA), as plain text. The
/// wording lives here once; where the lines go, and whether they are coloured, is the front-end's choice (Spectre
/// stays out of this library).
/// </summary>
public sealed class TextProgress : IRunProgress
{
    readonly Action<ProgressLine> _write;
    readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    readonly Stopwatch _stage = new();
    readonly TimeSpan _every;

    /// <param name="every">The least time between two step lines of a stage (its last step is always shown).</param>
    public TextProgress(Action<ProgressLine> write, TimeSpan every)
    {
        _write = write;
        _every = every;
    }

    /// <summary>Plain lines into <paramref name="writer"/>, a step line at most every <see cref="Interval"/>.</summary>
    public TextProgress(TextWriter writer) : this(line => writer.WriteLine(line.Text), Interval(Interactive(writer))) { }

    /// <summary>Every 2 s on a terminal; every 10 s in a log (a redirected stream or CI=true), which is read later.</summary>
    public static TimeSpan Interval(bool interactive) => interactive ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);

    static bool Interactive(TextWriter writer) =>
        !string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && (writer == Console.Out ? !Console.IsOutputRedirected : writer == Console.Error && !Console.IsErrorRedirected);

    public void StageStarted(string stageId, string kind, int index, int total)
    {
        _stage.Restart();
        _sinceLast.Restart();
        _write(new(ProgressLineKind.StageStarted, $"▶ [{index}/{total}] {stageId}"));
    }

    public void StageCached(string stageId, string kind, int index, int total) =>
        _write(new(ProgressLineKind.StageCached, $"✓ [{index}/{total}] {stageId} (cached)"));

    public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond)
    {
        if (step != totalSteps && _sinceLast.Elapsed < _every) return;
        _sinceLast.Restart();
        double fraction = totalSteps == 0 ? 1 : (double)step / totalSteps;
        var eta = fraction > 0 ? TimeSpan.FromSeconds(_stage.Elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
        int filled = (int)Math.Round(fraction * 20);
        string bar = new string('#', filled) + new string('.', 20 - filled);
        _write(new(ProgressLineKind.StageStep, string.Create(CultureInfo.InvariantCulture,
            $"    [{bar}] step {step}/{totalSteps}  loss {loss:F4}  {tokensPerSecond:F0} tok/s  ETA {Eta(eta)}")));
    }

    /// <summary>mm:ss, or h:mm:ss from an hour on (a cpu-scale pretraining stage runs for over an hour).</summary>
    public static string Eta(TimeSpan eta) => eta.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)eta.TotalHours}:{eta:mm\\:ss}")
        : eta.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    public void StageFinished(string stageId, TimeSpan elapsed, string summary) =>
        _write(new(ProgressLineKind.StageFinished, string.Create(CultureInfo.InvariantCulture, $"✓ {stageId} {elapsed.TotalSeconds:F1}s {summary}").TrimEnd()));

    public void Info(string message) => _write(new(ProgressLineKind.Info, message));
}
