namespace WeakToStrong.Runner.Auditing;

/// <summary>What `Audit` is asked: a run (key, unique key prefix, or record path) and where to look for it and its artifacts.</summary>
public sealed record AuditRequest
{
    /// <summary>A run key, a unique prefix of one, or the path of a record file.</summary>
    public required string Run { get; init; }
    public required string RunsDirectory { get; init; }
    /// <summary>Where the current manifests are, to compare the record's manifest with today's.</summary>
    public required string ExperimentsDirectory { get; init; }
    /// <summary>Content store root; null means the store the record names, else the user's cache folder (as `Reproduce`).</summary>
    public string? StoreRoot { get; init; }
    /// <summary>Re-execute the run from its record in a fresh store and compare the gated metrics.</summary>
    public bool Rerun { get; init; }
    /// <summary>Threads for the re-run; null pins the record's own thread count, so bit-identity can be expected.</summary>
    public int? Threads { get; init; }
    public string CommandLine { get; init; } = "";
}
