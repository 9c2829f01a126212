using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Audit;

/// <summary>A stage's or artifact's state against its record, named as `dvc status` names them.</summary>
public enum AuditStatus
{
    Ok,
    /// <summary>The stored bytes no longer hash to the recorded reference.</summary>
    Modified,
    /// <summary>The recorded object is not in the store.</summary>
    Missing,
    /// <summary>A stage of the current plan whose key the record does not hold: it would run on a re-run.</summary>
    New,
}

/// <summary>One output of one stage: what the record says and what the store holds now (null when missing).</summary>
public sealed record ArtifactAudit(string Name, ContentRef Expected, ContentRef? Found)
{
    public AuditStatus Status => Found is null ? AuditStatus.Missing : Found == Expected ? AuditStatus.Ok : AuditStatus.Modified;
}

/// <summary>
/// One stage: its recorded artifacts, or (status New) a stage of the current plan the record lacks;
/// <see cref="ReplacesKey"/> is the recorded key of the same stage id when the current plan computes another one.
/// </summary>
public sealed record StageAudit(string Id, string Kind, string Key, IReadOnlyList<ArtifactAudit> Artifacts, bool IsNew = false, string? ReplacesKey = null)
{
    /// <summary>The worst of the artifacts' states (missing over modified over ok), or New.</summary>
    public AuditStatus Status =>
        IsNew ? AuditStatus.New
        : Artifacts.Any(a => a.Status == AuditStatus.Missing) ? AuditStatus.Missing
        : Artifacts.Any(a => a.Status == AuditStatus.Modified) ? AuditStatus.Modified
        : AuditStatus.Ok;
}
