namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>What a column of the runs table holds, which also says how it is shown and sorted.</summary>
public enum RunsColumnKind
{
    /// <summary>The run itself: key, experiment, scale, finish time (always there, in this order).</summary>
    Run,

    /// <summary>A resolved-manifest path whose value differs between the listed runs (canonical JSON text, as `diff` shows it).</summary>
    Manifest,

    /// <summary>A metric the manifest's <c>gate</c> names, as `runs` and `audit --rerun` read it.</summary>
    Gated,

    /// <summary>A pair's ratio-of-means PGR, and the bounds of its 95% paired bootstrap interval in the two columns after it.</summary>
    Pgr,

    /// <summary>The lower or upper bound of the PGR column before it; null where there is no interval.</summary>
    PgrBound,
}

public sealed record RunsColumn(string Name, RunsColumnKind Kind)
{
    public bool Numeric => Kind is RunsColumnKind.Gated or RunsColumnKind.Pgr or RunsColumnKind.PgrBound;
}

/// <summary>
/// One run: its cells by column name (a string for run and manifest columns, a double for the others, null where the
/// run has no such value), and the PGR columns whose interval is unbounded (more than 2.5% of resamples without a
/// gap), so that "no interval because unbounded" and "no interval because the record has no per-item outcomes" read apart.
/// </summary>
public sealed record RunsRow(string RunKey, string Experiment, string RecordPath, IReadOnlyDictionary<string, object?> Cells,
    IReadOnlySet<string> Unbounded)
{
    /// <summary>PGR columns of pairs the run has but whose PGR is undefined (mean ceiling not above mean weak): "n/a", not "-".</summary>
    public IReadOnlySet<string> Undefined { get; init; } = new HashSet<string>();
}

/// <summary>A record the table could not read, with the one line saying why (the table goes on without it).</summary>
public sealed record RunsSkipped(string RecordPath, string Reason);

/// <summary>
/// `runs --table`: one row per listed run, one column per run field, per manifest path that differs between the
/// listed runs (computed by `diff`'s <see cref="WeakToStrong.Provenance.Audit.JsonPathDiff"/>), per gated metric and
/// per pair's PGR with its interval.
/// </summary>
public sealed record RunsTableResult(string RunsDirectory, string? Experiment, IReadOnlyList<RunsColumn> Columns,
    IReadOnlyList<RunsRow> Rows, IReadOnlyList<RunsSkipped> Skipped);
