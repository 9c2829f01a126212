namespace WeakToStrong.Data.Sources;

/// <summary>
/// A Debian package fetched with <c>apt-get download NAME=VERSION</c> and unpacked with <c>dpkg-deb -x</c>
/// into the cache: never installed. Debian's mirror serves only the current version of a package, so a pin
/// can go stale: then the download or the hash check fails loudly, naming the source.
/// Symbolic links in the package (doc links to other packages, absolute targets) are removed after
/// unpacking, so nothing read from the cache can resolve outside it.
/// </summary>
public sealed class DebSource(string aptGetTool = "apt-get", string dpkgDebTool = "dpkg-deb") : ISourceFetcher
{
    public async Task<string> DownloadAsync(PinnedSource spec, string scratchDir, CancellationToken ct)
    {
        var result = await ToolRunner.RunAsync(spec, aptGetTool, ["download", $"{spec.Name}={spec.Version}"], scratchDir, ct);
        if (result.ExitCode != 0)
            throw new SourceException(spec,
                $"apt-get download failed (network failure, no package lists — run `apt-get update` —, or the mirror no longer serves this version) — {ToolRunner.Summarize(result)}");
        var debs = Directory.GetFiles(scratchDir, "*.deb");
        if (debs.Length != 1)
            throw new SourceException(spec, $"apt-get download left {debs.Length} .deb files in {scratchDir}, expected 1");
        return debs[0];
    }

    public async Task UnpackAsync(PinnedSource spec, string archivePath, string destDir, CancellationToken ct)
    {
        Directory.CreateDirectory(destDir);
        var result = await ToolRunner.RunAsync(spec, dpkgDebTool, ["-x", archivePath, destDir], destDir, ct);
        if (result.ExitCode != 0)
            throw new SourceException(spec, $"dpkg-deb -x failed — {ToolRunner.Summarize(result)}");
        RemoveLinks(new DirectoryInfo(destDir));
    }

    private static void RemoveLinks(DirectoryInfo dir)
    {
        foreach (var entry in dir.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null) entry.Delete();
            else if (entry is DirectoryInfo sub) RemoveLinks(sub);
        }
    }
}
