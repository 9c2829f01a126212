namespace WeakToStrong.Data.Sources;

/// <summary>For url and file sources: a .tgz/.tar.gz is unpacked, anything else is placed as is.</summary>
internal static class SingleFileUnpacker
{
    public static void Unpack(PinnedSource spec, string archivePath, string destDir)
    {
        var name = Path.GetFileName(archivePath);
        if (name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase))
        {
            TarGzUnpacker.Unpack(spec, archivePath, destDir);
            return;
        }
        Directory.CreateDirectory(destDir);
        File.Copy(archivePath, Path.Combine(destDir, name));
    }
}
