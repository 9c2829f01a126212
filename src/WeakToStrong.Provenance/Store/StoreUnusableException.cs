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
}
