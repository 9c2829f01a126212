namespace WeakToStrong.Core.Manifests.Validation;

/// <summary>Data paths are relative to the data root and must stay inside it (no reading arbitrary files from a manifest).</summary>
public static class DataPaths
{
    public static bool EscapesRoot(string path)
    {
        if (path.Length == 0 || path[0] is '/' or '\\' || path.Contains(':') || path.StartsWith('~')) return true;
        var depth = 0;
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment == "..") { if (--depth < 0) return true; }
            else if (segment is not ("" or ".")) depth++;
        }
        return false;
    }
}
