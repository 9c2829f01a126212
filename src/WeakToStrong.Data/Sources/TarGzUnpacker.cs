using System.Formats.Tar;
using System.IO.Compression;

namespace WeakToStrong.Data.Sources;

/// <summary>
/// Unpacks a .tgz (npm's package format) with System.Formats.Tar. Every entry name is checked with
/// <see cref="SafePath"/>; links are refused outright, because a link entry can point outside the folder
/// and a later entry could then write through it. File modes and times are not restored: the cache's
/// content is data, and identical bytes are all that matters.
/// </summary>
public static class TarGzUnpacker
{
    public static void Unpack(PinnedSource spec, string archivePath, string destDir)
    {
        using var file = File.OpenRead(archivePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        UnpackTar(spec, gzip, destDir);
    }

    public static void UnpackTar(PinnedSource spec, Stream tar, string destDir)
    {
        Directory.CreateDirectory(destDir);
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry() is { } entry)
        {
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(SafePath.Resolve(spec, destDir, entry.Name));
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    var target = SafePath.Resolve(spec, destDir, entry.Name);
                    if (target == Path.GetFullPath(destDir)) throw new SourceException(spec, $"archive entry '{entry.Name}' has no file name");
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    using (var output = new FileStream(target, FileMode.Create, FileAccess.Write))
                        entry.DataStream?.CopyTo(output);
                    break;
                case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                    throw new SourceException(spec, $"archive entry '{entry.Name}' is a link ({entry.EntryType}); links are refused");
                default:
                    // PAX/GNU metadata headers are consumed by TarReader; anything else (devices, fifos) is skipped.
                    break;
            }
        }
    }
}
