using WeakToStrong.Provenance.Files;

namespace WeakToStrong.Data.Sources;

/// <summary>
/// A file under the data root (a user's own data set). Paths that escape the root are refused, lexically and again
/// after resolving symbolic links (a link inside the root may point anywhere); a folder is refused (a path source
/// names one file, pinned by one hash). The file is copied into the cache, and re-read and re-hashed on every use,
/// so a later edit of the original, a rename or a deletion is caught rather than answered from the cache. Only a
/// regular file under <see cref="SizeLimit.Source"/> is read.
/// </summary>
public sealed class FileSource(string dataRoot) : ISourceFetcher
{
    public string DataRoot { get; } = Path.GetFullPath(dataRoot);

    public Task<string> DownloadAsync(PinnedSource spec, string scratchDir, CancellationToken ct)
    {
        var path = SafePath.Resolve(spec, DataRoot, spec.Location!);
        if (Directory.Exists(path)) throw new SourceException(spec, $"{path} is a folder; a path source names one file");
        if (!File.Exists(path)) throw new SourceException(spec, $"file not found: {path}");
        var real = RealPath.Of(path);
        var realRoot = RealPath.Of(DataRoot);
        if (!RealPath.IsUnder(real, realRoot))
            throw new SourceException(spec, $"path '{spec.Location}' resolves through a symbolic link to {real}, outside its root '{realRoot}'; refused");
        var target = Path.Combine(scratchDir, Path.GetFileName(path));
        // Copy the resolved file, not the link: the link could be re-pointed between the check and the copy. Opened as
        // a user's file: a device would stream into the store until the disk is full, and a FIFO would block forever.
        try
        {
            using var source = UserFile.OpenRead(real, SizeLimit.Source);
            using var copy = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            source.CopyTo(copy);
        }
        catch (UserFileException e)
        {
            throw new SourceException(spec, e.Message);
        }
        return Task.FromResult(target);
    }

    public Task UnpackAsync(PinnedSource spec, string archivePath, string destDir, CancellationToken ct)
    {
        SingleFileUnpacker.Unpack(spec, archivePath, destDir);
        return Task.CompletedTask;
    }
}
