using WeakToStrong.Provenance.Files;

namespace WeakToStrong.Provenance.Store;

/// <summary>The store cannot be written (read-only, no permission, disk full): one line naming the path and what to do.</summary>
public sealed class StoreUnusableException(string message, Exception? inner = null) : IOException(message, inner)
{
    public static StoreUnusableException Writing(string path, Exception e)
    {
        string reason = WriteFailure.Reason(e);
        string remedy = reason == WriteFailure.NoSpace ? "free space there" : "make it writable";
        return new($"cannot write the store at {path}: {reason}; {remedy} or choose another with --store (or W2S_STORE)", e);
    }

    /// <summary>
    /// A file where the store needs a folder (the store itself, a folder above it, its objects/): .NET only says a part
    /// of the path was not found, which names the wrong thing.
    /// </summary>
    public static StoreUnusableException? FileInTheWay(string root, IEnumerable<string> folders, Exception e)
    {
        foreach (var folder in folders)
            for (string? at = folder; at is not null; at = Path.GetDirectoryName(at))
                if (File.Exists(at))
                    return new($"cannot use the store at {root}: {at} is a file, not a folder; choose another with --store (or W2S_STORE)", e);
        return null;
    }
}
