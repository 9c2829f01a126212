namespace WeakToStrong.Data.Sources;

/// <summary>
/// Resolves a relative path (an archive entry, a file source) under a root and refuses any that would land
/// outside it: "..", absolute paths, drive letters and backslash tricks ("zip slip").
/// </summary>
public static class SafePath
{
    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, or null if it escapes.</summary>
    public static string? TryResolve(string root, string relative)
    {
        if (string.IsNullOrEmpty(relative) || relative.Contains('\0')) return null;
        var normalized = relative.Replace('\\', '/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(normalized) || (normalized.Length > 1 && normalized[1] == ':')) return null;
        if (normalized.Split('/').Any(segment => segment == "..")) return null;
        // "/" keeps its separator when trimmed: appending one more made "//", under which nothing lies.
        var trimmed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var fullRoot = Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(fullRoot, normalized));
        return full.StartsWith(fullRoot, StringComparison.Ordinal) || full + Path.DirectorySeparatorChar == fullRoot ? full : null;
    }

    public static string Resolve(PinnedSource spec, string root, string relative) =>
        TryResolve(root, relative) ?? throw new SourceException(spec, $"path '{relative}' escapes its root '{root}'; refused");
}
