using System.CommandLine;
using WeakToStrong.Runner.Application.RunsTable;

namespace WeakToStrong.Cli.Commands;

/// <summary>`w2s runs --table [--columns …] [--sort c[:desc]] [--where path=value] [--md | --csv | --json]`: the runs table options of `runs`.</summary>
sealed class RunsTableOptions
{
    readonly Option<bool> table = new("--table") { Description = "One row per run: the manifest paths that differ between the listed runs, the gated metrics, each pair's PGR with its 95% interval." };
    readonly Option<string[]> columns = new("--columns") { Description = "With --table: only these columns (names or prefixes: training.lr, training, pgr), comma-separated or repeated.", AllowMultipleArgumentsPerToken = true };
    readonly Option<string?> sort = new("--sort") { Description = "With --table: order rows by a column, ascending; column:desc for descending." };
    readonly Option<string[]> where = new("--where") { Description = "With --table: keep runs whose value at a manifest path or column equals a value (path=value, repeatable; all must match)." };
    readonly Option<bool> md = new("--md") { Description = "With --table: write a Markdown table." };
    readonly Option<bool> csv = new("--csv") { Description = "With --table: write CSV (every number in round-trip form, the PGR bounds as columns)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { table, columns, sort, where, md, csv }) command.Options.Add(option);
    }

    public bool Requested(ParseResult parse) => parse.GetValue(table);

    /// <summary>Writes the table through the shared verb; a bad --where, --sort, --columns or format is one line and exit 1.</summary>
    public int Run(ParseResult parse, string runsDirectory, string? experiment, bool json)
    {
        var request = new RunsTableRequest
        {
            RunsDirectory = runsDirectory, Experiment = experiment,
            Columns = parse.GetValue(columns) ?? [], Sort = parse.GetValue(sort), Where = parse.GetValue(where) ?? [],
        };
        Console.Out.Write(RunsTableOutput.Table(request, parse.GetValue(md), parse.GetValue(csv), json));
        return 0;
    }
}
