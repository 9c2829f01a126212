using System.Globalization;
using Spectre.Console;
using WeakToStrong.Build.Host.Execution;

namespace WeakToStrong.Build.Host.Output;

/// <summary>NUKE's closing table: one row per scheduled target with its status and duration, then the total.</summary>
public static class SummaryTable
{
    public static Table Build(IReadOnlyList<TargetResult> results, TableBorder border)
    {
        var table = new Table().Border(border)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned());
        foreach (var result in results)
            table.AddRow(Markup.Escape(result.Name), StatusMarkup(result.Status), Duration(result));
        var total = results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
        table.AddEmptyRow();
        table.AddRow("[bold]Total[/]", "", Format(total));
        return table;
    }

    /// <summary>Seconds with one decimal below a minute (`4.2 s`), else `m:ss`; skipped and not-run targets show nothing.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 60
            ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : $"{(int)duration.TotalMinutes}:{duration.Seconds:00}";

    static string Duration(TargetResult result) =>
        result.Status is TargetStatus.Succeeded or TargetStatus.Failed ? Format(result.Duration) : "";

    static string StatusMarkup(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => "[green]Succeeded[/]",
        TargetStatus.Failed => "[red]Failed[/]",
        TargetStatus.Skipped => "[grey]Skipped[/]",
        _ => "[yellow]NotRun[/]",
    };
}
