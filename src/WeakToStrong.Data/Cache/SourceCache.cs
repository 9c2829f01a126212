using WeakToStrong.Data.Hashing;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Data.Cache;

/// <summary>
/// Content-addressed cache of pinned sources: <c>&lt;root&gt;/sources/&lt;alg&gt;/&lt;hex&gt;/{archive/, content/, content.sha256}</c>,
/// keyed by the pinned hash. An entry is assembled in <c>&lt;root&gt;/tmp/</c> and renamed into place only when
/// complete and verified, so no reader ever sees a partial entry (a killed fetch leaves only scratch).
/// Before each use the archive is re-hashed against the pin and every unpacked file against the entry's
/// manifest; any difference is an error naming the source with the expected and the actual hash.
/// </summary>
public sealed class SourceCache
{
    public string Root { get; }
    private readonly IReadOnlyDictionary<SourceKind, ISourceFetcher> _fetchers;

    public SourceCache(string? root = null, string? dataRoot = null, IReadOnlyDictionary<SourceKind, ISourceFetcher>? fetchers = null)
    {
        Root = Path.GetFullPath(root ?? DefaultRoot());
        _fetchers = fetchers ?? new Dictionary<SourceKind, ISourceFetcher>
        {
            [SourceKind.Npm] = new NpmSource(),
            [SourceKind.Deb] = new DebSource(),
            [SourceKind.Url] = new UrlSource(),
            [SourceKind.File] = new FileSource(dataRoot ?? Directory.GetCurrentDirectory()),
        };
    }

    /// <summary>$XDG_CACHE_HOME/weak-to-strong, else ~/.cache/weak-to-strong: the user's cache, never the repository.</summary>
    public static string DefaultRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var baseDir = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(baseDir, "weak-to-strong");
    }

    /// <summary>The folder an entry lives in once complete (whether or not it exists yet).</summary>
    public string EntryDir(SourceSpec spec)
    {
        var hash = spec.ParsedHash;
        return Path.Combine(Root, "sources", hash.AlgorithmLabel, hash.Hex);
    }

    /// <summary>Fetches (first time) or re-verifies (every time) a source; returns its unpacked content.</summary>
    public async Task<CachedSource> GetAsync(SourceSpec spec, CancellationToken ct = default)
    {
        spec.Validate();
        var entry = EntryDir(spec);
        if (Directory.Exists(entry)) return Verify(spec, entry, wasCached: true);

        var scratch = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        var download = Directory.CreateDirectory(Path.Combine(scratch, "download")).FullName;
        try
        {
            var fetcher = _fetchers.TryGetValue(spec.Kind, out var f) ? f : throw new SourceException(spec, $"no fetcher for kind {spec.Kind}");
            var archive = await fetcher.DownloadAsync(spec, download, ct);
            CheckArchive(spec, archive);

            var staged = Path.Combine(scratch, "entry");
            var archiveDir = Directory.CreateDirectory(Path.Combine(staged, "archive")).FullName;
            File.Move(archive, Path.Combine(archiveDir, Path.GetFileName(archive)));
            var content = Path.Combine(staged, "content");
            await fetcher.UnpackAsync(spec, Path.Combine(archiveDir, Path.GetFileName(archive)), content, ct);
            Directory.CreateDirectory(content);
            await File.WriteAllTextAsync(Path.Combine(staged, ContentManifest.FileName), ContentManifest.Build(content), ct);

            Directory.CreateDirectory(Path.GetDirectoryName(entry)!);
            try
            {
                Directory.Move(staged, entry);
            }
            catch (IOException) when (Directory.Exists(entry))
            {
                // Another process finished the same entry first; its copy is as good as ours once verified.
            }
            return Verify(spec, entry, wasCached: false);
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private static CachedSource Verify(SourceSpec spec, string entry, bool wasCached)
    {
        var archiveDir = Path.Combine(entry, "archive");
        var archives = Directory.Exists(archiveDir) ? Directory.GetFiles(archiveDir) : [];
        if (archives.Length != 1)
            throw new SourceException(spec, $"cache entry {entry} is damaged (its archive is missing); delete it to refetch");
        CheckArchive(spec, archives[0]);
        var content = Path.Combine(entry, "content");
        var manifest = Path.Combine(entry, ContentManifest.FileName);
        if (!Directory.Exists(content) || !File.Exists(manifest))
            throw new SourceException(spec, $"cache entry {entry} is damaged (content or {ContentManifest.FileName} missing); delete it to refetch");
        ContentManifest.Verify(spec, content, File.ReadAllText(manifest));
        return new CachedSource(spec, content, archives[0], wasCached);
    }

    private static void CheckArchive(SourceSpec spec, string archivePath)
    {
        PinnedHash pinned = spec.ParsedHash;
        var actual = pinned.ComputeFile(archivePath);
        if (!pinned.Matches(actual))
            throw new SourceException(spec, $"hash mismatch for {archivePath}: expected {pinned}, actual {pinned.Format(actual)}");
    }
}
