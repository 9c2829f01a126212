using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;

namespace WeakToStrong.Core.Manifests;

/// <summary>Rules tying a manifest to its file: <c>--experiment ID</c> finds <c>experiments/ID.json</c>.</summary>
public static class ManifestFiles
{
    /// <summary>An error at the "id" value when it differs from the file name (without .json), else null.</summary>
    public static Diagnostic? CheckIdMatchesFileName(Manifest manifest, string filePath, JsonSyntaxObject syntax)
    {
        var stem = Path.GetFileNameWithoutExtension(filePath);
        if (manifest.Id == stem) return null;
        var at = syntax.Find("id")?.Value.Location ?? syntax.Location;
        return new Diagnostic(at, DiagnosticCodes.InconsistentValue,
            $"Manifest id '{manifest.Id}' must match its file name '{stem}.json' (--experiment finds manifests by file name).");
    }
}
