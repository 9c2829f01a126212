using System.Text.Json;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;
using WeakToStrong.Core.Manifests.Validation;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Manifests;

/// <summary>The outcome of loading: a manifest only when there are no errors, plus every diagnostic found.</summary>
public sealed record ManifestLoadResult(Manifest? Manifest, JsonSyntaxObject? Syntax, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Success => Manifest is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Text → typed manifest + diagnostics. Never throws: any input, however malformed, yields diagnostics in
/// MSBuild's canonical format (docs/architecture.md §3). Reads no files: callers pass the text and the path to report, and the
/// task catalog the data section is checked against (the builders live outside Core).
/// </summary>
public static class ManifestLoader
{
    public static ManifestLoadResult Load(string text, string file, ITaskCatalog tasks) =>
        Load(System.Text.Encoding.UTF8.GetBytes(text), file, tasks);

    public static ManifestLoadResult Load(ReadOnlySpan<byte> utf8, string file, ITaskCatalog tasks)
    {
        var diagnostics = new List<Diagnostic>();
        var tree = LocatedJsonParser.Parse(utf8, file, diagnostics);
        if (tree is null) return new ManifestLoadResult(null, null, diagnostics);
        return Bind(tree, tasks, validateScales: true);
    }

    /// <summary>Validates and binds an already-parsed tree (also used after overrides are applied).</summary>
    /// <param name="forRun">The tree is what a run will execute (after scale and overrides): also check what only a
    /// run needs, the user's own pins (gpt2-hf weights), which a bundled scale may leave for the user to give.</param>
    public static ManifestLoadResult Bind(JsonSyntax tree, ITaskCatalog tasks, bool validateScales, bool forRun = false)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            if (tree is not JsonSyntaxObject root)
            {
                diagnostics.Add(new Diagnostic(tree.Location, DiagnosticCodes.WrongType, "A manifest must be a JSON object."));
                return new ManifestLoadResult(null, null, diagnostics);
            }
            var manifest = BindObject(root, tasks, diagnostics, forRun);
            if (manifest is not null && validateScales)
            {
                ValidateScales(root, tasks, diagnostics);
                ValidateDefaultScale(root, manifest, diagnostics);
            }
            return new ManifestLoadResult(diagnostics.Count == 0 ? manifest : null, root, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A validator bug must still come out as a clean build error, never a stack trace.
            diagnostics.Add(new Diagnostic(tree.Location, DiagnosticCodes.Internal, $"Internal error while validating: {e.GetType().Name}: {e.Message}"));
            return new ManifestLoadResult(null, tree as JsonSyntaxObject, diagnostics);
        }
    }

    private static Manifest? BindObject(JsonSyntaxObject root, ITaskCatalog tasks, List<Diagnostic> diagnostics, bool forRun = false)
    {
        var structural = new StructuralValidator(diagnostics);
        structural.Validate(root, typeof(Manifest), "", null);
        if (diagnostics.Count > 0) return null;
        Manifest? manifest;
        try { manifest = root.ToJsonNode().Deserialize<Manifest>(ManifestJson.Options); }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            diagnostics.Add(new Diagnostic(root.Location, DiagnosticCodes.Internal, $"Could not bind the manifest: {e.Message}"));
            return null;
        }
        if (manifest is null) return null;
        new SemanticValidator(manifest, structural.Index, structural.Keys, root.Location, diagnostics) { ForRun = forRun }.Run();
        new TaskValidator(manifest, structural.Index, root.Location, tasks, diagnostics).Run();
        return manifest;
    }

    /// <summary>
    /// `defaultScale` must name a scale this manifest declares: checked with the file, not when someone first runs
    /// it without --scale. Only here, where `scales` is still present (resolution removes both).
    /// </summary>
    private static void ValidateDefaultScale(JsonSyntaxObject root, Manifest manifest, List<Diagnostic> diagnostics)
    {
        if (manifest.DefaultScale is not { } name) return;
        var declared = (root.Find("scales")?.Value as JsonSyntaxObject)?.Properties.Select(p => p.Name).ToList() ?? [];
        if (declared.Contains(name, StringComparer.Ordinal)) return;
        diagnostics.Add(new Diagnostic(root.Find("defaultScale")!.Value.Location, DiagnosticCodes.UnknownScale,
            $"defaultScale '{name}' is not a scale of this manifest.{DidYouMean.Hint(name, declared)} " +
            $"This manifest declares: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}."));
    }

    /// <summary>Applies each scale to the manifest and validates the result, so a bad path or value in a scale is
    /// reported at build time at the scale entry, not when someone first runs that scale.</summary>
    private static void ValidateScales(JsonSyntaxObject root, ITaskCatalog tasks, List<Diagnostic> diagnostics)
    {
        if (root.Find("scales")?.Value is not JsonSyntaxObject scales) return;
        var baseline = diagnostics.Select(d => d.ToString()).ToHashSet();
        foreach (var scale in scales.Properties)
        {
            if (scale.Value is not JsonSyntaxObject entries) continue;
            JsonSyntax current = root with { Properties = root.Properties.Where(p => p.Name != "scales").ToList() };
            foreach (var entry in entries.Properties)
            {
                var next = JsonSyntaxPaths.Set(current, entry.Name, entry.Value, entry.NameLocation, out var error);
                if (next is null)
                    diagnostics.Add(new Diagnostic(entry.NameLocation, DiagnosticCodes.InvalidOverride, $"Scale '{scale.Name}': {error}"));
                else current = next;
            }
            var scaled = new List<Diagnostic>();
            BindObject((JsonSyntaxObject)current, tasks, scaled);
            foreach (var d in scaled.Where(d => baseline.Add(d.ToString())))
                diagnostics.Add(d with { Message = $"With scale '{scale.Name}': {d.Message}" });
        }
    }
}
