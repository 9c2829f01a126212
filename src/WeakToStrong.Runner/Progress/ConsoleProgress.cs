using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace WeakToStrong.Runner.Progress;

/// <summary>
/// A line per stage and a throttled progress line while it trains (step, loss, tokens/s, ETA). Plain text when the
/// output is not a terminal or CI=true, so logs stay readable; Spectre markup colours otherwise.
/// </summary>
public sealed class ConsoleProgress : IRunProgress
{
    readonly IAnsiConsole _console;
    readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    readonly Stopwatch _stage = new();
    readonly TimeSpan _every;

    public ConsoleProgress(IAnsiConsole? console = null)
    {
        _console = console ?? AnsiConsole.Console;
        bool plain = Console.IsOutputRedirected || string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        _every = plain ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(2);
    }

    public void StageStarted(string stageId, string kind, int index, int total)
    {
        _stage.Restart();
        _sinceLast.Restart();
        _console.MarkupLineInterpolated($"[bold]▶ [[{index}/{total}]] {stageId}[/]");
    }

    public void StageCached(string stageId, string kind, int index, int total) =>
        _console.MarkupLineInterpolated($"[grey]✓ [[{index}/{total}]] {stageId} (cached)[/]");

    public void StageStep(string stageId, int step, int totalSteps, double loss, double tokensPerSecond)
    {
        if (step != totalSteps && _sinceLast.Elapsed < _every) return;
        _sinceLast.Restart();
        double fraction = totalSteps == 0 ? 1 : (double)step / totalSteps;
        var eta = fraction > 0 ? TimeSpan.FromSeconds(_stage.Elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
        int filled = (int)Math.Round(fraction * 20);
        string bar = new string('#', filled) + new string('.', 20 - filled);
        _console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    [{bar}] step {step}/{totalSteps}  loss {loss:F4}  {tokensPerSecond:F0} tok/s  ETA {Eta(eta)}"));
    }

    /// <summary>mm:ss, or h:mm:ss from an hour on (a cpu-scale pretraining stage runs for over an hour).</summary>
    public static string Eta(TimeSpan eta) => eta.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)eta.TotalHours}:{eta:mm\\:ss}")
        : eta.ToString(@"mm\:ss", CultureInfo.InvariantCulture);

    public void StageFinished(string stageId, TimeSpan elapsed, string summary) =>
        _console.MarkupLineInterpolated($"[green]✓[/] {stageId} [grey]{elapsed.TotalSeconds:F1}s[/] {summary}");

    public void Info(string message) => _console.MarkupLineInterpolated($"[grey]{message}[/]");
}
