namespace WeakToStrong.Data.Sources;

/// <summary>
/// realpath(3) in managed code: the absolute path with every symbolic link on the way resolved, component by
/// component (a link in a parent folder counts as much as one in the file name). Root checks compare these, because
/// a lexical check passes a link that points outside.
/// </summary>
public static class RealPath
{
    const int MaxLinks = 40; // Linux's own limit (ELOOP)

    public static string Of(string path)
    {
        var pending = new Stack<string>(Segments(Path.GetFullPath(path)).Reverse());
        string current = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        int links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".") continue;
            if (part == "..") { current = Path.GetDirectoryName(current) ?? current; continue; }
            string next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks) throw new IOException($"too many levels of symbolic links resolving {path}");
                // The target's segments replace this one; an absolute target restarts from the root.
                foreach (var s in Segments(target).Reverse()) pending.Push(s);
                if (Path.IsPathRooted(target)) current = Path.GetPathRoot(target) ?? "/";
                continue;
            }
            current = next;
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies under it (both already real).</summary>
    public static bool IsUnder(string path, string root)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        var withSlash = Path.EndsInDirectorySeparator(trimmed) ? trimmed : trimmed + Path.DirectorySeparatorChar;
        return path.StartsWith(withSlash, StringComparison.Ordinal) || path == Path.TrimEndingDirectorySeparator(root);
    }

    static IEnumerable<string> Segments(string p) => p.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
