namespace WeakToStrong.Data.Sources;

/// <summary>
/// A file under the data root (a user's own data set). Paths that escape the root are refused; the file is
/// copied into the cache so that a later edit of the original is caught by its hash, not silently used.
/// </summary>
public sealed class FileSource(string dataRoot) : ISourceFetcher
{
    public string DataRoot { get; } = Path.GetFullPath(dataRoot);

    public Task<string> DownloadAsync(SourceSpec spec, string scratchDir, CancellationToken ct)
    {
        var path = SafePath.Resolve(spec, DataRoot, spec.Location!);
        if (!File.Exists(path)) throw new SourceException(spec, $"file not found: {path}");
        var target = Path.Combine(scratchDir, Path.GetFileName(path));
        File.Copy(path, target);
        return Task.FromResult(target);
    }

    public Task UnpackAsync(SourceSpec spec, string archivePath, string destDir, CancellationToken ct)
    {
        SingleFileUnpacker.Unpack(spec, archivePath, destDir);
        return Task.CompletedTask;
    }
}
