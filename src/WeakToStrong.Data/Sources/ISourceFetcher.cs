namespace WeakToStrong.Data.Sources;

/// <summary>
/// Brings one source's archive into a scratch folder and unpacks a verified archive. The cache verifies the
/// hash between the two steps, so nothing unverified is ever unpacked.
/// </summary>
public interface ISourceFetcher
{
    /// <summary>Downloads (or copies) the archive into <paramref name="scratchDir"/>; returns its path.</summary>
    Task<string> DownloadAsync(PinnedSource spec, string scratchDir, CancellationToken ct);

    /// <summary>Unpacks a verified archive into the empty folder <paramref name="destDir"/>.</summary>
    Task UnpackAsync(PinnedSource spec, string archivePath, string destDir, CancellationToken ct);
}
