using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Text;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Experiments;

/// <summary>
/// The manifests in an experiments folder: listing, the one lookup both front-ends use (one message for an unknown
/// id), and loading one resolved at a scale with overrides.
/// </summary>
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

    /// <summary>
    /// The ids a verb over several experiments was given ("a,b" and "a b" both name two), each required to exist, in the
    /// order given and without repeats; empty when none was given.
    /// </summary>
    /// <exception cref="UserError">An id names no manifest.</exception>
    public IReadOnlyList<string> Chosen(IEnumerable<string> given)
    {
        var chosen = given.SelectMany(e => e.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in chosen) Require(id);
        return chosen;
    }

    /// <summary>
    /// Throws <see cref="UserError"/> with one line unless <paramref name="id"/> names a manifest here:
    /// the nearest id when it looks like a typo (<see cref="DidYouMean"/>'s rule), then every available id.
    /// </summary>
    public void Require(string id)
    {
        var ids = Ids();
        if (ids.Contains(id, StringComparer.Ordinal)) return;
        string shown = Printable(id);
        throw new UserError(new Diagnostic(SourceLocation.Origin("--experiment " + shown), DiagnosticCodes.UnknownExperiment,
            $"Unknown experiment '{shown}'.{DidYouMean.Hint(id, ids)} Available: {(ids.Count == 0 ? "none" + Missing() : string.Join(", ", ids))}.").ToString());
    }

    /// <summary>An id as one visible line: a newline in it would split the error, another control character hide in it.</summary>
    static string Printable(string id) =>
        string.Concat(id.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>
    /// Why nothing is available when the folder is absent: where <see cref="Workspace.Locate"/> looked when the folder
    /// is the `experiments/` of a folder with no such folder at or above it (an installed `w2s` run outside a
    /// checkout), else the folder that is missing (a mistyped --experiments-dir).
    /// </summary>
    string Missing()
    {
        if (System.IO.Directory.Exists(Directory)) return "";
        if (File.Exists(Directory)) return $" ({Directory} is a file, not a folder)";
        var parent = Path.GetDirectoryName(Directory)!;
        return Path.GetFileName(Directory) == Workspace.ExperimentsFolder && Workspace.FindRoot(parent) is null
            ? $" (no {Workspace.ExperimentsFolder}/ folder in {parent} or any folder above it: run inside a folder that has one, or pass --experiments-dir)"
            : $" ({Directory} does not exist)";
    }

    /// <summary>
    /// Loads and resolves; throws <see cref="UserError"/> with every diagnostic on failure. A null
    /// <paramref name="scale"/> means the manifest's `defaultScale` when <paramref name="useDefaultScale"/> (what
    /// both front-ends do), else the manifest as written (an audit of a run recorded without a scale).
    /// </summary>
    public ResolvedManifest Resolve(string id, string? scale, IReadOnlyList<OverrideLayer> layers, string? displayRoot = null, bool useDefaultScale = true)
    {
        Require(id);
        string path = PathOf(id);
        string display = displayRoot is null ? path : Path.GetRelativePath(displayRoot, path);
        byte[] bytes;
        try { bytes = UserFile.ReadAllBytes(path, SizeLimit.Document, display); }
        catch (UserFileException e)
        {
            throw new UserError(new Diagnostic(SourceLocation.Origin(display), DiagnosticCodes.UnreadableFile, e.Message[(display.Length + 1)..]).ToString());
        }
        // Parsed once and bound once, as resolved: the manifest as written and its other scales are not bound again here,
        // since the build validates every manifest and every scale (`dotnet build`, ValidateExperiments) and a run needs
        // only what it runs. The resolution's diagnostics locate every value, whichever layer set it.
        var diagnostics = new List<Diagnostic>();
        var tree = LocatedJsonParser.Parse(bytes, display, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new UserError(Errors(diagnostics));
        if (tree is not JsonSyntaxObject syntax)
            throw new UserError(new Diagnostic(tree?.Location ?? SourceLocation.Origin(display), DiagnosticCodes.WrongType, "A manifest must be a JSON object.").ToString());
        string? chosen = scale ?? (useDefaultScale ? DefaultScale(syntax) : null);
        var resolved = ManifestResolver.Resolve(syntax, chosen, layers, TaskCatalog.Default,
            scaleOrigin: scale is null && chosen is not null ? syntax.Find("defaultScale")!.Value.Location : null);
        if (!resolved.Success) throw new UserError(Errors(resolved.Diagnostics));
        // `--experiment ID` finds ID.json: a manifest whose id says otherwise would record runs under another name.
        if (ManifestFiles.CheckIdMatchesFileName(resolved.Manifest!, display, syntax) is { } mismatch)
            throw new UserError(mismatch.ToString());
        return resolved;
    }

    /// <summary>The manifest's <c>defaultScale</c>, or null; a value that is not a string is an error located at it.</summary>
    static string? DefaultScale(JsonSyntaxObject syntax) => syntax.Find("defaultScale")?.Value switch
    {
        null => null,
        JsonSyntaxValue { ValueKind: System.Text.Json.JsonValueKind.String } v => v.Text,
        var other => throw new UserError(new Diagnostic(other.Location, DiagnosticCodes.WrongType, "'defaultScale' must be a string: the name of one of 'scales'.").ToString()),
    };

    static IReadOnlyList<string> Errors(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
}
