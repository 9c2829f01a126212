using System.Security.Cryptography;

namespace WeakToStrong.Provenance.Store;

/// <summary>
/// Immutable, content-addressed blobs under `&lt;root&gt;/objects/sha256/ab/cdef…` (DVC's cache layout). A blob
/// appears under its final name only once complete: writes go to a temp file in the same folder, are fsynced,
/// then renamed, so a run killed at any moment (SIGKILL included) never leaves a partial object behind.
/// </summary>
public sealed class ContentStore
{
    public string Root { get; }

    public ContentStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(Root, "objects", "sha256"));
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
    }

    /// <summary>The default root: `$W2S_STORE`, else `$XDG_CACHE_HOME/weak-to-strong`, else `~/.cache/weak-to-strong` (shared with the source cache).</summary>
    public static string DefaultRoot()
    {
        string? env = Environment.GetEnvironmentVariable("W2S_STORE");
        if (!string.IsNullOrEmpty(env)) return env;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string cache = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(cache, "weak-to-strong");
    }

    public string PathOf(string sha256) => Path.Combine(Root, "objects", "sha256", sha256[..2], sha256[2..]);

    public bool Contains(ContentRef r) => File.Exists(PathOf(r.Sha256)) && new FileInfo(PathOf(r.Sha256)).Length == r.Size;

    /// <summary>Stores a file's bytes (copying; the source is left alone) and returns its reference.</summary>
    public ContentRef PutFile(string path)
    {
        using var source = File.OpenRead(path);
        return Put(source);
    }

    public ContentRef PutBytes(ReadOnlySpan<byte> bytes)
    {
        using var ms = new MemoryStream(bytes.ToArray(), writable: false);
        return Put(ms);
    }

    /// <summary>Streams into a temp file while hashing, then publishes it atomically under its hash.</summary>
    public ContentRef Put(Stream source)
    {
        string temp = Path.Combine(Root, "tmp", $"{Guid.NewGuid():N}.part");
        try
        {
            string hash;
            long size;
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var buffer = new byte[1 << 16];
                int n;
                size = 0;
                while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    sha.AppendData(buffer, 0, n);
                    output.Write(buffer, 0, n);
                    size += n;
                }
                output.Flush(flushToDisk: true);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            string final = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            using (FileLock.Acquire(final + ".lock"))
            {
                // Content-addressed: an existing complete object with this hash is the same bytes.
                if (File.Exists(final) && new FileInfo(final).Length == size) File.Delete(temp);
                else File.Move(temp, final, overwrite: true);
            }
            return new ContentRef(hash, size);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Re-hashes a stored object: null if it matches, else what is wrong with it.</summary>
    public string? Verify(ContentRef r)
    {
        string path = PathOf(r.Sha256);
        if (!File.Exists(path)) return "missing";
        var actual = HashFile(path);
        return actual == r ? null : $"modified (expected {r}, found {actual})";
    }

    public static ContentRef HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return new ContentRef(Convert.ToHexStringLower(SHA256.HashData(stream)), new FileInfo(path).Length);
    }
}
