namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>How `runs --table` is written: aligned text, or --md, --csv, --json (one of them).</summary>
public enum RunsTableFormat { Text, Markdown, Csv, Json }

/// <summary>The one place both front-ends turn their flags into a format and a table into its text.</summary>
public static class RunsTableOutput
{
    /// <exception cref="UserError">More than one of --md, --csv, --json.</exception>
    public static RunsTableFormat Format(bool md, bool csv, bool json) => (md, csv, json) switch
    {
        (false, false, false) => RunsTableFormat.Text,
        (true, false, false) => RunsTableFormat.Markdown,
        (false, true, false) => RunsTableFormat.Csv,
        (false, false, true) => RunsTableFormat.Json,
        _ => throw new UserError("runs: --md, --csv and --json each choose the table's format: give one of them"),
    };

    public static string Render(RunsTableResult table, RunsTableFormat format) => format switch
    {
        RunsTableFormat.Markdown => RunsTableText.Markdown(table),
        RunsTableFormat.Csv => RunsTableCsv.Csv(table),
        RunsTableFormat.Json => RunsTableJson.Json(table),
        _ => RunsTableText.Text(table),
    };

    /// <summary>The table the request asks for, in the format the flags choose: what `w2s runs --table` and `./build.sh Runs --table` print.</summary>
    /// <exception cref="UserError">Conflicting format flags, a --where that is not path=value, a --sort or --columns naming no column.</exception>
    public static string Table(RunsTableRequest request, bool md, bool csv, bool json)
    {
        var format = Format(md, csv, json);
        return Render(RunsTableVerb.Run(request), format);
    }
}
