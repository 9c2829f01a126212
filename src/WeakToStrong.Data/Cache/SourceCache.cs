using WeakToStrong.Data.Hashing;
using WeakToStrong.Data.Sources;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Data.Cache;

/// <summary>
/// Content-addressed cache of pinned sources: <c>&lt;root&gt;/sources/&lt;alg&gt;/&lt;hex&gt;/{archive/, content/, content.sha256, locations}</c>,
/// keyed by the pinned hash; <c>locations</c> lists the source ids (registry name and version, url, path) that
/// delivered these bytes, so a spec naming another location is fetched from there and checked, never answered by hash alone. An entry is assembled in <c>&lt;root&gt;/tmp/</c> and renamed into place only when
/// complete and verified, so no reader ever sees a partial entry (a killed fetch leaves only scratch).
/// Before each use the archive is re-hashed against the pin and every unpacked file against a fresh unpack of it;
/// damage is moved to <c>&lt;root&gt;/quarantine/</c> and repaired (refetched, re-unpacked), and a source that cannot
/// be fetched again is an error naming it with the expected and the actual hash.
/// </summary>
public sealed class SourceCache
{
    public string Root { get; }
    private readonly IReadOnlyDictionary<SourceKind, ISourceFetcher> _fetchers;
    // Entry folder -> the listing of its verified archive's unpack, made once by this instance (the archive is
    // re-hashed against its pin on every use, so the listing stays the archive's).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _listings = new(StringComparer.Ordinal);

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
    public string EntryDir(PinnedSource spec)
    {
        var hash = spec.ParsedHash;
        return Path.Combine(Root, "sources", hash.AlgorithmLabel, hash.Hex);
    }

    /// <summary>
    /// Fetches (first time) or re-verifies (every time) a source; returns its unpacked content. A cached archive that
    /// no longer matches its pin is quarantined and fetched again; unpacked files that differ from the archive's own
    /// listing are quarantined and unpacked again; a location the entry was not fetched from (or any file source,
    /// which is local and cheap) is fetched and checked against the pin, so a changed path never yields old data.
    /// </summary>
    public async Task<CachedSource> GetAsync(PinnedSource spec, CancellationToken ct = default)
    {
        spec.Validate();
        var entry = EntryDir(spec);
        string? damaged = null;
        if (Directory.Exists(entry))
        {
            damaged = ArchiveDamage(spec, entry);
            if (damaged is null) return await UseCachedAsync(spec, entry, ct);
            Quarantine.Move(QuarantineRoot(), entry, $"cache entry of source {spec.Id}", spec.ParsedHash.ToString(), damaged);
        }
        try
        {
            return await FetchAsync(spec, entry, ct);
        }
        catch (SourceException e) when (damaged is not null)
        {
            throw new SourceException(spec, $"cached copy was damaged ({damaged}; moved to quarantine) and fetching it again failed: {e.Message}", e);
        }
    }

    private async Task<CachedSource> FetchAsync(PinnedSource spec, string entry, CancellationToken ct)
    {
        var scratch = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            var fetcher = Fetcher(spec);
            var archive = await DownloadCheckedAsync(spec, fetcher, scratch, ct);

            var staged = Path.Combine(scratch, "entry");
            var archiveDir = Directory.CreateDirectory(Path.Combine(staged, "archive")).FullName;
            File.Move(archive, Path.Combine(archiveDir, Path.GetFileName(archive)));
            var content = Path.Combine(staged, "content");
            await fetcher.UnpackAsync(spec, Path.Combine(archiveDir, Path.GetFileName(archive)), content, ct);
            Directory.CreateDirectory(content);
            await File.WriteAllTextAsync(Path.Combine(staged, ContentManifest.FileName), ContentManifest.Build(content), ct);
            await File.WriteAllTextAsync(Path.Combine(staged, LocationsFile), spec.Id + "\n", ct);

            Directory.CreateDirectory(Path.GetDirectoryName(entry)!);
            try
            {
                Directory.Move(staged, entry);
            }
            catch (IOException) when (Directory.Exists(entry))
            {
                // Another process finished the same entry first; its copy is as good as ours once verified.
                if (ArchiveDamage(spec, entry) is { } damage) throw new SourceException(spec, $"cache entry written by another process is damaged: {damage}");
                return await UseCachedAsync(spec, entry, ct, wasCached: false);
            }
            return new CachedSource(spec, Path.Combine(entry, "content"), Directory.GetFiles(Path.Combine(entry, "archive"))[0], WasCached: false);
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    /// <summary>An entry whose archive matches its pin: checks the location and the unpacked files, healing the latter.</summary>
    private async Task<CachedSource> UseCachedAsync(PinnedSource spec, string entry, CancellationToken ct, bool wasCached = true)
    {
        var fetcher = Fetcher(spec);
        var archive = Directory.GetFiles(Path.Combine(entry, "archive"))[0];
        var scratch = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            var locations = Path.Combine(entry, LocationsFile);
            var known = File.Exists(locations) ? File.ReadAllLines(locations) : [];
            if (spec.Kind == SourceKind.File || !known.Contains(spec.Id, StringComparer.Ordinal))
            {
                await DownloadCheckedAsync(spec, fetcher, Path.Combine(scratch, "location"), ct);
                if (!known.Contains(spec.Id, StringComparer.Ordinal)) WriteReplacing(locations, string.Join("\n", known.Append(spec.Id)) + "\n");
            }

            // The listing comes from the verified archive itself, unpacked afresh (once per cache instance): a listing
            // file stored beside the content could be edited together with it.
            var fresh = Path.Combine(scratch, "unpacked");
            async Task UnpackFresh()
            {
                await fetcher.UnpackAsync(spec, archive, fresh, ct);
                Directory.CreateDirectory(fresh);
            }
            if (!_listings.TryGetValue(entry, out var listing))
            {
                await UnpackFresh();
                _listings[entry] = listing = ContentManifest.Build(fresh);
            }
            var content = Path.Combine(entry, "content");
            string? problem = ContentProblem(spec, content, listing);
            if (problem is not null)
            {
                if (!Directory.Exists(fresh)) await UnpackFresh();
                if (Directory.Exists(content)) Quarantine.Move(QuarantineRoot(), content, $"unpacked content of source {spec.Id}", $"the listing of archive {spec.ParsedHash}", problem);
                Directory.Move(fresh, content);
            }
            var manifest = Path.Combine(entry, ContentManifest.FileName);
            if (!File.Exists(manifest) || File.ReadAllText(manifest) != listing) WriteReplacing(manifest, listing);
            return new CachedSource(spec, content, archive, wasCached);
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private const string LocationsFile = "locations";

    /// <summary>
    /// The store whose quarantine receives damaged source files: the one that really holds <c>sources/</c>. A re-run's
    /// scratch store links to the user's sources; its own quarantine is deleted with it.
    /// </summary>
    private string QuarantineRoot() => Path.GetDirectoryName(RealPath.Of(Path.Combine(Root, "sources")))!;

    private ISourceFetcher Fetcher(PinnedSource spec) =>
        _fetchers.TryGetValue(spec.Kind, out var f) ? f : throw new SourceException(spec, $"no fetcher for kind {spec.Kind}");

    private static async Task<string> DownloadCheckedAsync(PinnedSource spec, ISourceFetcher fetcher, string scratch, CancellationToken ct)
    {
        var download = Directory.CreateDirectory(Path.Combine(scratch, "download")).FullName;
        var archive = await fetcher.DownloadAsync(spec, download, ct);
        CheckArchive(spec, archive);
        return archive;
    }

    /// <summary>Why an entry's archive cannot be used (missing, or not the pinned bytes), or null.</summary>
    private static string? ArchiveDamage(PinnedSource spec, string entry)
    {
        var archiveDir = Path.Combine(entry, "archive");
        var archives = Directory.Exists(archiveDir) ? Directory.GetFiles(archiveDir) : [];
        if (archives.Length != 1) return $"{archives.Length} archives in {archiveDir}, expected 1";
        PinnedHash pinned = spec.ParsedHash;
        var actual = pinned.ComputeFile(archives[0]);
        return pinned.Matches(actual) ? null : $"hash mismatch for {archives[0]}: expected {pinned}, actual {pinned.Format(actual)}";
    }

    private static string? ContentProblem(PinnedSource spec, string content, string listing)
    {
        if (!Directory.Exists(content)) return "content folder missing";
        try
        {
            ContentManifest.Verify(spec, content, listing);
            return null;
        }
        catch (SourceException e)
        {
            return e.Message;
        }
    }

    private static void WriteReplacing(string path, string text)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".part";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }

    private static void CheckArchive(PinnedSource spec, string archivePath)
    {
        PinnedHash pinned = spec.ParsedHash;
        var actual = pinned.ComputeFile(archivePath);
        if (!pinned.Matches(actual))
            throw new SourceException(spec, $"hash mismatch for {archivePath}: expected {pinned}, actual {pinned.Format(actual)}");
    }
}
