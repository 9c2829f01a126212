using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// `--out` of `results` (a file) and `report` (a folder), checked before anything is drawn, then written atomically
/// (temp + rename beside the target, the documented way an existing output is replaced). Anything else is one line
/// naming the path: a folder where a file goes or the reverse, a FIFO or device (read back, `/dev/zero` grew without
/// end and a FIFO blocked), a dangling link, a blank name, a folder that cannot be written.
/// </summary>
public static class OutputTarget
{
    /// <summary>The full path of an output file; throws <see cref="UserFileException"/> unless it is absent or a regular file.</summary>
    public static string File(string given)
    {
        string path = Full(given);
        Refuse(path, UserFile.KindOf(path) switch
        {
            FileKind.Missing or FileKind.Regular => null,
            FileKind.Folder => "is a folder, not a file",
            var kind => $"is {FileKinds.Describe(kind)}, not a regular file",
        });
        if (Path.GetDirectoryName(path) is { } parent && UserFile.KindOf(parent) is not (FileKind.Missing or FileKind.Folder))
            Refuse(parent, "is not a folder");
        return path;
    }

    /// <summary>The full path of an output folder; throws <see cref="UserFileException"/> unless it is absent or a folder.</summary>
    public static string Folder(string given)
    {
        string path = Full(given);
        Refuse(path, UserFile.KindOf(path) switch
        {
            FileKind.Missing or FileKind.Folder => null,
            FileKind.Regular => "is a file, not a folder",
            var kind => $"is {FileKinds.Describe(kind)}, not a folder",
        });
        return path;
    }

    /// <summary>The bytes at <paramref name="path"/> (checked by <see cref="File"/>) when it already holds exactly these, so that nothing is rewritten.</summary>
    public static bool Holds(string path, byte[] bytes) =>
        UserFile.KindOf(path) == FileKind.Regular && new FileInfo(path).Length == bytes.Length
        && UserFile.ReadAllBytes(path, SizeLimit.Document).AsSpan().SequenceEqual(bytes);

    /// <summary>Writes through a temp file and a rename; a folder that cannot be written is one line.</summary>
    public static void Write(string path, byte[] bytes)
    {
        try { AtomicFile.WriteAllBytes(path, bytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFileException(path, $"cannot write {path}: {WriteFailure.Reason(e)}");
        }
    }

    static string Full(string given)
    {
        if (string.IsNullOrWhiteSpace(given)) throw new UserFileException(given, "--out is blank; name where the output goes");
        string path = Path.GetFullPath(given);
        // A dangling link: writing through it would create a file wherever it points.
        if (UserFile.LinkTarget(path) is { } target && UserFile.KindOf(path) == FileKind.Missing)
            Refuse(path, $"is a dangling symbolic link to {target}");
        return path;
    }

    static void Refuse(string path, string? why)
    {
        if (why is not null) throw new UserFileException(path, $"--out {path} {why}; refused");
    }
}
