using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WeakToStrong.Provenance.Files;

/// <summary>
/// Opening a file a user named (a path source, a manifest, a run record, a gate snapshot) the way git hashes one: it
/// must be a regular file, and is read up to a size limit. On Linux the file is opened non-blocking and its type read
/// from the open descriptor, so a FIFO never blocks the open, a device never streams, and nothing can be swapped in
/// between the check and the read. Elsewhere the checks are .NET's own (folders refused; no special-file test).
/// </summary>
public static class UserFile
{
    /// <summary>
    /// Opens <paramref name="path"/> for reading; throws <see cref="UserFileException"/> naming it (as
    /// <paramref name="display"/> when given) when it is not a regular file or is over <paramref name="limit"/>.
    /// </summary>
    public static FileStream OpenRead(string path, SizeLimit limit, string? display = null)
    {
        display ??= path;
        if (!OperatingSystem.IsLinux())
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return limit.Check(display, stream.Length) is { } over ? Closed(stream, over) : stream;
        }
        int fd = Native.Open(path, Native.ReadOnlyNonBlockingCloseOnExec);
        // Not opened: .NET's own open says why, with its usual exception (not found, denied, a folder …). It cannot
        // block, because open(2) only blocks where it would have succeeded.
        // A dangling or looping link is the exception: .NET's FileNotFoundException there names no link and reached
        // users as a stack trace.
        if (fd < 0)
        {
            if (Marshal.GetLastPInvokeError() is 2 or 40 && LinkTarget(path) is { } target) // ENOENT, ELOOP
                throw new UserFileException(path, $"{display} is a symbolic link to {target}, which leads to no file; refused");
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var (kind, size) = Native.KindAndSize(fd, path);
        if (kind != FileKind.Regular)
        {
            handle.Dispose();
            throw new UserFileException(path, $"{display} is {FileKinds.Describe(kind)}, not a regular file; refused");
        }
        if (limit.Check(display, size) is { } tooBig) { handle.Dispose(); throw tooBig; }
        return new FileStream(handle, FileAccess.Read);
    }

    public static byte[] ReadAllBytes(string path, SizeLimit limit, string? display = null)
    {
        using var stream = OpenRead(path, limit, display);
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string ReadAllText(string path, SizeLimit limit, string? display = null)
    {
        using var reader = new StreamReader(OpenRead(path, limit, display));
        return reader.ReadToEnd();
    }

    /// <summary>The kind of what <paramref name="path"/> names after links (Missing when nothing, or a dangling link).</summary>
    public static FileKind KindOf(string path) =>
        OperatingSystem.IsLinux() ? Native.KindOf(path)
        : Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Regular : FileKind.Missing;

    /// <summary>Where the link at <paramref name="path"/> points; null when it is no link or nothing is there (LinkTarget throws then).</summary>
    public static string? LinkTarget(string path)
    {
        try { return new FileInfo(path).LinkTarget; }
        catch (IOException) { return null; }
    }

    static FileStream Closed(FileStream stream, Exception e)
    {
        stream.Dispose();
        throw e;
    }

    /// <summary>open(2) and statx(2), whose struct is laid out the same on every Linux architecture (unlike stat's).</summary>
    static class Native
    {
        public const int ReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC
        const int AtFdCwd = -100;
        const int AtEmptyPath = 0x1000;
        const uint StatxTypeAndSize = 0x1 | 0x200; // STATX_TYPE | STATX_SIZE
        const int StatxSize = 256, ModeOffset = 28, SizeOffset = 40;

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open(string path, int flags);

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        static extern int Statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

        public static (FileKind Kind, long Size) KindAndSize(int fd, string path)
        {
            var buffer = new byte[StatxSize];
            if (Statx(fd, "", AtEmptyPath, StatxTypeAndSize, buffer) == 0)
                return (FileKinds.FromMode(BitConverter.ToUInt16(buffer, ModeOffset)), BitConverter.ToInt64(buffer, SizeOffset));
            // statx missing (ENOSYS) or filtered (EPERM, older container seccomp profiles): .NET's view, without the special-file test.
            return Directory.Exists(path) ? (FileKind.Folder, 0) : (FileKind.Regular, new FileInfo(path).Length);
        }

        public static FileKind KindOf(string path)
        {
            var buffer = new byte[StatxSize];
            if (Statx(AtFdCwd, path, 0, StatxTypeAndSize, buffer) == 0) return FileKinds.FromMode(BitConverter.ToUInt16(buffer, ModeOffset));
            return Marshal.GetLastPInvokeError() is 38 or 1 // ENOSYS, EPERM: as above
                ? Directory.Exists(path) ? FileKind.Folder : File.Exists(path) ? FileKind.Regular : FileKind.Missing
                : FileKind.Missing;
        }
    }
}
