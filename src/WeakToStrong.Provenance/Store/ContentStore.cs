using System.Collections.Concurrent;
using System.Security.Cryptography;
using WeakToStrong.Provenance.Files;

namespace WeakToStrong.Provenance.Store;

/// <summary>
/// Immutable, content-addressed blobs under `&lt;root&gt;/objects/sha256/ab/cdef…` (DVC's cache layout). A blob
/// appears under its final name only once complete: writes go to a temp file in the same folder, are fsynced,
/// then renamed, so a run killed at any moment (SIGKILL included) never leaves a partial object behind.
/// An object read for reuse is re-hashed first (once per store instance while its size and time stay the same);
/// one whose bytes no longer match its name is moved to <see cref="Quarantine"/>, never used.
/// </summary>
public sealed class ContentStore
{
    public string Root { get; }

    // Objects this instance hashed (or wrote) and found right, with the size and write time they had then: a later
    // change of either (a byte flipped by hand, a truncation) makes the object unverified again.
    readonly ConcurrentDictionary<string, (long Size, DateTime Written)> _verified = new(StringComparer.Ordinal);

    public ContentStore(string root)
    {
        Root = Path.GetFullPath(root);
        try
        {
            Directory.CreateDirectory(Path.Combine(Root, "objects", "sha256"));
            Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StoreUnusableException.FileInTheWay(Root, [Path.Combine(Root, "objects", "sha256"), Path.Combine(Root, "tmp")], e)
                  ?? StoreUnusableException.Writing(Root, e);
        }
    }

    /// <summary>The default root: `$W2S_STORE`, else `$XDG_CACHE_HOME/weak-to-strong`, else `~/.cache/weak-to-strong` (shared with the source cache).</summary>
    public static string DefaultRoot()
    {
        string? env = Environment.GetEnvironmentVariable("W2S_STORE");
        // Blank is a mistake, not a folder: " " would put a store inside the working folder. Empty means unset, as in a shell.
        if (env is not null && env.Length > 0 && string.IsNullOrWhiteSpace(env))
            throw new StoreUnusableException("W2S_STORE is blank; set it to a folder or unset it for the default store");
        if (!string.IsNullOrEmpty(env)) return env;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string cache = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(cache, "weak-to-strong");
    }

    /// <summary>The store a verb uses: <paramref name="given"/> (--store) unless null, else <see cref="DefaultRoot"/>; a blank one is refused.</summary>
    public static string RootFrom(string? given) =>
        given is null ? DefaultRoot()
        : string.IsNullOrWhiteSpace(given) ? throw new StoreUnusableException("--store is blank; give a folder, or leave it out for the default store")
        : given;

    public string PathOf(string sha256) => ObjectPath(Root, sha256);

    /// <summary>Where the store at <paramref name="root"/> keeps an object, for readers that must not create the store's folders.</summary>
    public static string ObjectPath(string root, string sha256) => Path.Combine(root, "objects", "sha256", sha256[..2], sha256[2..]);

    public bool Contains(ContentRef r) => File.Exists(PathOf(r.Sha256)) && new FileInfo(PathOf(r.Sha256)).Length == r.Size;

    /// <summary>Stores a file's bytes (copying; the source is left alone) and returns its reference.</summary>
    /// <param name="what">What the object is for (a stage's output), for the quarantine note should a damaged copy be found.</param>
    public ContentRef PutFile(string path, string? what = null)
    {
        using var source = File.OpenRead(path);
        return Put(source, what);
    }

    public ContentRef PutBytes(ReadOnlySpan<byte> bytes)
    {
        using var ms = new MemoryStream(bytes.ToArray(), writable: false);
        return Put(ms);
    }

    /// <summary>Streams into a temp file while hashing, then publishes it atomically under its hash.</summary>
    public ContentRef Put(Stream source, string? what = null)
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
            var made = new ContentRef(hash, size);
            // Content-addressed, but an existing file is only "the same bytes" once re-hashed: a damaged one is
            // quarantined and replaced. The rename is atomic, so racing writers of one hash are harmless.
            if (CheckForUse(made, what ?? "stored object") is null) File.Delete(temp);
            else
            {
                File.Move(temp, final, overwrite: true);
                Mark(made);
            }
            return new ContentRef(hash, size);
        }
        catch (IOException e) when (e.HResult is 28 or 122) // ENOSPC, EDQUOT: the temp file goes in finally
        {
            throw StoreUnusableException.Writing(Root, e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Before an object is used: null when it is intact (re-hashed now, or earlier by this instance and unchanged since),
    /// else what is wrong. A present but damaged object is moved to quarantine with a note naming <paramref name="what"/>.
    /// </summary>
    public string? CheckForUse(ContentRef r, string what)
    {
        string path = PathOf(r.Sha256);
        if (NotARegularObject(path) is { } stray)
        {
            // Never opened: a dangling link cannot be, a FIFO would block, a device would stream.
            _verified.TryRemove(r.Sha256, out _);
            string? quarantined = Quarantine.Move(Root, path, what, r.ToString(), stray);
            return $"damaged (expected {r}, found {stray}){(quarantined is null ? "" : $"; moved to {quarantined}")}";
        }
        var info = new FileInfo(path);
        if (!info.Exists) return "missing";
        if (_verified.TryGetValue(r.Sha256, out var seen) && seen == (info.Length, info.LastWriteTimeUtc) && info.Length == r.Size) return null;
        var actual = HashFile(path);
        if (actual == r)
        {
            _verified[r.Sha256] = (info.Length, info.LastWriteTimeUtc);
            return null;
        }
        _verified.TryRemove(r.Sha256, out _);
        string? moved = Quarantine.Move(Root, path, what, r.ToString(), actual.ToString());
        return $"damaged (expected {r}, found {actual}){(moved is null ? "" : $"; moved to {moved}")}";
    }

    void Mark(ContentRef r)
    {
        var info = new FileInfo(PathOf(r.Sha256));
        if (info.Exists) _verified[r.Sha256] = (info.Length, info.LastWriteTimeUtc);
    }

    /// <summary>Re-hashes a stored object: null if it matches, else what is wrong with it. Changes nothing (audit).</summary>
    public string? Verify(ContentRef r)
    {
        string path = PathOf(r.Sha256);
        if (NotARegularObject(path) is { } stray) return $"not a regular file ({stray})";
        if (!File.Exists(path)) return "missing";
        var actual = HashFile(path);
        return actual == r ? null : $"modified (expected {r}, found {actual})";
    }

    /// <summary>
    /// What stands at an object's path when it is not a regular file of the store's own: any symbolic link (dangling or
    /// not: where it points can change under the hash), a folder, a FIFO, a device or a socket. Null for a regular
    /// file or nothing.
    /// </summary>
    public static string? NotARegularObject(string path)
    {
        if (UserFile.LinkTarget(path) is { } target) return $"a symbolic link to {target}";
        var kind = UserFile.KindOf(path);
        return kind is FileKind.Missing or FileKind.Regular ? null : FileKinds.Describe(kind);
    }

    public static ContentRef HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return new ContentRef(Convert.ToHexStringLower(SHA256.HashData(stream)), new FileInfo(path).Length);
    }
}
