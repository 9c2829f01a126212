namespace WeakToStrong.Provenance.Store;

/// <summary>
/// An exclusive advisory lock held by an open lock file (FileShare.None): two runs publishing the same key
/// serialise here. The OS releases it when the process dies, so a killed run never leaves a stuck lock.
/// Only "another process holds it" is waited out; any other failure (a read-only store, no permission, a full disk)
/// is <see cref="StoreUnusableException"/> at once, since waiting cannot cure it.
/// </summary>
public sealed class FileLock : IDisposable
{
    readonly FileStream _stream;

    FileLock(FileStream stream) => _stream = stream;

    public static FileLock Acquire(string path, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(10));
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (IsHeldElsewhere(e) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && !IsHeldElsewhere(e))
            {
                throw StoreUnusableException.Writing(path, e);
            }
        }
    }

    /// <summary>The error FileShare.None gives when another handle holds the file: flock's EWOULDBLOCK on Unix, a sharing violation on Windows.</summary>
    static bool IsHeldElsewhere(Exception e) => e is IOException && e.HResult == (OperatingSystem.IsWindows() ? unchecked((int)0x80070020) : OperatingSystem.IsLinux() ? 11 : 35);

    public void Dispose() => _stream.Dispose();
}
