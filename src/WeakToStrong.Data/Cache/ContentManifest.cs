using System.Security.Cryptography;
using System.Text;
using WeakToStrong.Data.Sources;

namespace WeakToStrong.Data.Cache;

/// <summary>
/// The sha256 of every unpacked file. Written beside an entry's content for whoever reads the cache; before each use
/// the content is checked against the listing of a fresh unpack of the verified archive, because a listing stored
/// beside the content could be edited together with it.
/// Format: one "&lt;hex&gt;  &lt;relative/path&gt;" line per file, sorted ordinally (sha256sum's layout).
/// </summary>
internal static class ContentManifest
{
    public const string FileName = "content.sha256";

    public static string Build(string contentDir)
    {
        var sb = new StringBuilder();
        foreach (var (rel, full) in Files(contentDir))
            sb.Append(HashOf(full)).Append("  ").Append(rel).Append('\n');
        return sb.ToString();
    }

    public static void Verify(PinnedSource spec, string contentDir, string manifestText)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in manifestText.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = line.IndexOf("  ", StringComparison.Ordinal);
            if (cut != 64) throw new SourceException(spec, $"cache entry's {FileName} is malformed; delete {Path.GetDirectoryName(contentDir)} to refetch");
            expected[line[(cut + 2)..]] = line[..cut];
        }
        var seen = 0;
        foreach (var (rel, full) in Files(contentDir))
        {
            if (!expected.TryGetValue(rel, out var want))
                throw new SourceException(spec, $"cached file {full} is not part of the source (unexpected file); delete {Path.GetDirectoryName(contentDir)} to refetch");
            var actual = HashOf(full);
            if (actual != want)
                throw new SourceException(spec, $"cached file {full} was modified: expected sha256:{want}, actual sha256:{actual}; delete {Path.GetDirectoryName(contentDir)} to refetch");
            seen++;
        }
        if (seen != expected.Count)
        {
            var missing = expected.Keys.First(k => !File.Exists(Path.Combine(contentDir, k)));
            throw new SourceException(spec, $"cached file {Path.Combine(contentDir, missing)} is missing; delete {Path.GetDirectoryName(contentDir)} to refetch");
        }
    }

    private static IEnumerable<(string Rel, string Full)> Files(string contentDir) =>
        Directory.EnumerateFiles(contentDir, "*", SearchOption.AllDirectories)
            .Select(f => (Rel: Path.GetRelativePath(contentDir, f).Replace('\\', '/'), Full: f))
            .OrderBy(p => p.Rel, StringComparer.Ordinal);

    private static string HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
