using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Runner.Application.RunsTable;

/// <summary>`Runs --table`: the runs table, with the same options and the same text as `w2s runs --table` (one application-layer call).</summary>
partial class Build
{
    [Parameter("Runs: one row per run: the manifest paths that differ between the listed runs, the gated metrics, each pair's PGR with its 95% interval.")]
    readonly bool Table;

    [Parameter("Runs --table: only these columns (names or prefixes: training.lr, training, pgr).")]
    readonly string[] Columns = [];

    [Parameter("Runs --table: order rows by a column, ascending; column:desc for descending.")]
    readonly string? Sort;

    [Parameter("Runs --table: keep runs whose value at a manifest path or column equals a value (path=value; all must match).")]
    readonly string[] Where = [];

    [Parameter("Runs --table: write CSV (every number in round-trip form, the PGR bounds as columns).")]
    readonly bool Csv;

    /// <summary>The table as `w2s runs --table` prints it; a bad option is the verb's one line.</summary>
    string TableOfRuns() => RunsTableOutput.Table(new RunsTableRequest
    {
        RunsDirectory = RunsDirectory, Experiment = Experiment, Columns = Columns, Sort = Sort, Where = Where,
    }, Md, Csv, Json);
}
