using System.Text.Json.Nodes;

namespace WeakToStrong.Provenance.Audit;

/// <summary>The manifest the record ran with against the one that resolves now: hashes and the dotted paths that differ.</summary>
public sealed record ManifestChange(string RecordedHash, string CurrentHash, IReadOnlyList<JsonChange> Paths);

/// <summary>
/// The outcome of auditing one run record. <see cref="Clean"/> only when the record is intact, every artifact
/// re-hashes to its reference, every metric it states is what the store holds for it, no stage is new, and neither
/// the manifest nor the code identity changed (where they were compared) and, after `--rerun`, every gated metric held.
/// </summary>
public sealed record AuditReport(
    string RecordPath,
    string? RunKey,
    string? Experiment,
    // Null when the stated run key is the hash of the hashed part; else one line saying what is wrong.
    string? IntegrityProblem,
    IReadOnlyList<StageAudit> Stages,
    // Null when equal or not compared (ManifestCompared says which).
    ManifestChange? Manifest,
    bool ManifestCompared,
    // The code identity fields that differ; empty when equal or not compared.
    IReadOnlyList<JsonChange> Code,
    bool CodeCompared,
    RerunComparison? Rerun = null,
    // Why the current manifest could not be resolved (then it was not compared and the audit is not clean).
    string? ManifestProblem = null)
{
    /// <summary>The record's executions in one line (<see cref="Records.RunHistoryText"/>); null where not read.</summary>
    public string? History { get; init; }

    /// <summary>Metrics the record states that the store's cache entries or the evaluate stage's stored output contradict.</summary>
    public IReadOnlyList<MetricMismatch> Metrics { get; init; } = [];

    /// <summary>Stages whose metrics could not be compared with the store: their numbers are not vouched for.</summary>
    public IReadOnlyList<MetricsUnchecked> MetricsUnchecked { get; init; } = [];

    public bool Clean =>
        IntegrityProblem is null
        && Metrics.Count == 0
        && MetricsUnchecked.Count == 0
        && Stages.All(s => s.Status == AuditStatus.Ok)
        && Manifest is null
        && ManifestProblem is null
        && Code.Count == 0
        && (Rerun is null || Rerun.Passed);

    public string ToText() => AuditText.Render(this);

    public JsonObject ToJson() => AuditJson.Render(this);
}
