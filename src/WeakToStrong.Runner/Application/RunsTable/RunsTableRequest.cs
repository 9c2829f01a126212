namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>What `runs --table` is asked for; both front-ends fill it from the same options.</summary>
public sealed record RunsTableRequest
{
    public required string RunsDirectory { get; init; }

    /// <summary>Only this experiment's runs; null or empty: every experiment's.</summary>
    public string? Experiment { get; init; }

    /// <summary>
    /// Which columns beyond the run's own to show: each entry names a column or a prefix of column names ending at a
    /// path segment ("training" keeps training.lr and training.epochs, "pgr" every PGR column); empty keeps them all.
    /// </summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>"column" (ascending) or "column:desc"; null keeps the runs in finish order, oldest first.</summary>
    public string? Sort { get; init; }

    /// <summary>"path=value" filters, all of which a run must match (<see cref="RunsFilter"/>).</summary>
    public IReadOnlyList<string> Where { get; init; } = [];
}
