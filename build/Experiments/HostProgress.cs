using Spectre.Console;
using WeakToStrong.Build.Host.Output;
using WeakToStrong.Runner.Progress;

namespace WeakToStrong.Build.Experiments;

/// <summary>
/// A run's progress in the host's console: the shared wording (<see cref="TextProgress"/>), coloured by kind on a
/// terminal and written as is when the output is plain (a log, CI), so that logs carry no escape codes; none below
/// Normal verbosity (--verbosity or NUKE_VERBOSITY quiet or minimal).
/// </summary>
public static class HostProgress
{
    public static IRunProgress For(HostOutput output) =>
        output.ShowsProgress ? new TextProgress(line => Write(output, line), TextProgress.Interval(interactive: !output.Plain)) : SilentProgress.Instance;

    /// <summary>Plain lines on the error stream, as `w2s … --json` does: the target's output stays one JSON document.</summary>
    public static IRunProgress ToErrors(HostOutput output) =>
        output.ShowsProgress ? new TextProgress(line => output.Error(line.Text), TextProgress.Interval(interactive: false)) : SilentProgress.Instance;

    static void Write(HostOutput output, ProgressLine line)
    {
        if (output.Plain)
        {
            output.Line(line.Text);
            return;
        }
        var style = line.Kind switch
        {
            ProgressLineKind.StageStarted => "bold",
            ProgressLineKind.StageFinished => "green",
            ProgressLineKind.StageCached or ProgressLineKind.Info => "grey",
            _ => null,
        };
        output.Console.MarkupLine(style is null ? Markup.Escape(line.Text) : $"[{style}]{Markup.Escape(line.Text)}[/]");
    }
}
