using WeakToStrong.Core.Results;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>
/// How the text and Markdown tables show a cell: the run key's first 12 characters, manifest values as `diff` shows
/// them (canonical JSON), metrics to 3 decimals, a PGR with its interval folded in ("0.252 [0.111, 0.397]",
/// "0.252 [unbounded]", the value alone for a record without per-item outcomes; "n/a" where the pair has no gap), "-" where a run has no
/// such column.
/// </summary>
static class RunsCells
{
    /// <summary>The columns a person reads: the PGR bounds are shown inside their PGR column.</summary>
    public static IReadOnlyList<RunsColumn> Shown(RunsTableResult table) =>
        table.Columns.Where(c => c.Kind != RunsColumnKind.PgrBound).ToList();

    public static string Text(RunsRow row, RunsColumn column)
    {
        object? value = row.Cells.GetValueOrDefault(column.Name);
        return column.Kind switch
        {
            RunsColumnKind.Pgr when value is null && row.Undefined.Contains(column.Name) => "n/a",
            _ when value is null => "-",
            RunsColumnKind.Run when column.Name == "run" => ((string)value)[..Math.Min(12, ((string)value).Length)],
            RunsColumnKind.Pgr when row.Unbounded.Contains(column.Name) => $"{Numbers.F3((double)value)} [unbounded]",
            RunsColumnKind.Pgr => Numbers.WithCi((double)value, Bound(row, column.Name + " lo") is { } lo && Bound(row, column.Name + " hi") is { } hi
                ? new Core.Statistics.Interval(lo, hi) : null),
            _ when value is double d => Numbers.F3(d),
            _ => value.ToString() ?? "",
        };
    }

    static double? Bound(RunsRow row, string name) => row.Cells.GetValueOrDefault(name) as double?;
}
