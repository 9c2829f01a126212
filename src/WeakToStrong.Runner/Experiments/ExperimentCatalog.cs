using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Text;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Runner.Experiments;

/// <summary>The manifests in an experiments folder: listing, and loading one resolved at a scale with overrides.</summary>
public sealed class ExperimentCatalog(string directory)
{
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Experiment ids: `*.json` file names, schemas excluded, sorted.</summary>
    public IReadOnlyList<string> Ids() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.json")
                .Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Where(n => !n.EndsWith(".schema", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [];

    public string PathOf(string id) => Path.Combine(Directory, id + ".json");

    /// <summary>Loads and resolves; throws <see cref="ExperimentException"/> with every diagnostic on failure.</summary>
    public ResolvedManifest Resolve(string id, string? scale, IReadOnlyList<OverrideLayer> layers, string? displayRoot = null)
    {
        var ids = Ids();
        if (!ids.Contains(id, StringComparer.Ordinal))
            throw new ExperimentException(
                $"error W2S0100: unknown experiment '{id}'.{DidYouMean.Hint(id, ids)} Available: {(ids.Count == 0 ? "none" : string.Join(", ", ids))}.");
        string path = PathOf(id);
        string display = displayRoot is null ? path : Path.GetRelativePath(displayRoot, path);
        var loaded = ManifestLoader.Load(File.ReadAllBytes(path), display, TaskCatalog.Default);
        if (!loaded.Success || loaded.Syntax is null)
            throw new ExperimentException(Errors(loaded.Diagnostics));
        var resolved = ManifestResolver.Resolve(loaded.Syntax, scale, layers, TaskCatalog.Default);
        if (!resolved.Success) throw new ExperimentException(Errors(resolved.Diagnostics));
        return resolved;
    }

    static IReadOnlyList<string> Errors(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
}
