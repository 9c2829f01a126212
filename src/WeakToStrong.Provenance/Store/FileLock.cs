namespace WeakToStrong.Provenance.Store;

/// <summary>
/// An exclusive advisory lock held by an open lock file (FileShare.None): two runs publishing the same key
/// serialise here. The OS releases it when the process dies, so a killed run never leaves a stuck lock.
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
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
