using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Resolution;

/// <summary>A value that replaced the manifest's, and where it came from (shown by Plan, stored in the run record).</summary>
public sealed record AppliedOverride(string Path, string Value, string Origin);

/// <summary>The manifest after scale and overrides. <see cref="Resolved"/> holds every effective value, defaults
/// included, without "$schema", "scales" and "defaultScale" (which scale applied is <see cref="Scale"/>). <see cref="Task"/>
/// is the catalog entry the manifest's task was validated against, which the plan compiler reads (null when resolution failed).</summary>
public sealed record ResolvedManifest(
    JsonObject Resolved, Manifest? Manifest, string? Scale, IReadOnlyList<AppliedOverride> Applied, IReadOnlyList<Diagnostic> Diagnostics,
    TaskDescriptor? Task)
{
    public bool Success => Manifest is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// NUKE-style layering, lowest first: manifest &lt; scale &lt; the layers passed, in order (Reproduction passes environment &lt; command line; docs/architecture.md §3).
/// Pure: layers arrive as data. A value injected by a layer keeps that layer's location, so an unknown path or a
/// bad value is reported against the argument that introduced it, with a did-you-mean.
/// </summary>
public static class ManifestResolver
{
    public static ResolvedManifest Resolve(JsonSyntaxObject manifest, string? scale, IReadOnlyList<OverrideLayer> layers, ITaskCatalog tasks,
        SourceLocation? scaleOrigin = null)
    {
        var diagnostics = new List<Diagnostic>();
        var applied = new List<AppliedOverride>();
        JsonSyntax current = manifest with { Properties = manifest.Properties.Where(p => p.Name is not ("scales" or "defaultScale" or "$schema")).ToList() };

        if (scale is not null)
        {
            var scales = manifest.Find("scales")?.Value as JsonSyntaxObject;
            if (scales?.Find(scale)?.Value is JsonSyntaxObject entries)
                foreach (var e in entries.Properties)
                    current = Apply(current, e.Name, e.Value, e.NameLocation, $"scale {scale}", diagnostics, applied);
            else
            {
                var declared = scales?.Properties.Select(p => p.Name).ToList() ?? [];
                diagnostics.Add(new Diagnostic(scaleOrigin ?? SourceLocation.Origin("--scale " + scale), DiagnosticCodes.UnknownScale,
                    $"Unknown scale '{scale}'.{DidYouMean.Hint(scale, declared.Concat(ScalesSpec.Names).Distinct().Where(n => n != scale))} " +
                    $"This manifest declares: {(declared.Count == 0 ? "none" : string.Join(", ", declared))}."));
            }
        }

        foreach (var layer in layers)
            foreach (var o in layer.Overrides)
                if (o.ValueText is null)
                    diagnostics.Add(new Diagnostic(o.Where, DiagnosticCodes.InvalidOverride, $"Expected path=value, got '{o.Path}'."));
                else if (OverridePaths.Problem(o.Path) is { } problem)
                    diagnostics.Add(new Diagnostic(o.Where, DiagnosticCodes.InvalidOverride, problem));
                else current = Apply(current, o.Path, ParseValue(o), o.Where, layer.Name, diagnostics, applied);

        var bound = ManifestLoader.Bind(current, tasks, validateScales: false, forRun: true);
        diagnostics.AddRange(bound.Diagnostics);
        var ok = bound.Manifest is not null && diagnostics.Count == 0;
        var resolved = ok
            ? JsonSerializer.SerializeToNode(bound.Manifest, ManifestJson.Options)!.AsObject()
            : current.ToJsonNode() as JsonObject ?? new JsonObject();
        return new ResolvedManifest(resolved, ok ? bound.Manifest : null, scale, applied, diagnostics,
            ok ? tasks.Find(bound.Manifest!.Data.Task) : null);
    }

    private static JsonSyntax Apply(JsonSyntax tree, string path, JsonSyntax value, SourceLocation where, string origin,
        List<Diagnostic> diagnostics, List<AppliedOverride> applied)
    {
        var next = JsonSyntaxPaths.Set(tree, path, value, where, out var error);
        if (next is null)
        {
            diagnostics.Add(new Diagnostic(where, DiagnosticCodes.InvalidOverride, $"Cannot set {error}"));
            return tree;
        }
        applied.Add(new AppliedOverride(path, Text(value), origin));
        return next;
    }

    /// <summary>The value as JSON text, numbers as written: 1e999 must reach the validator (out of range), not a double.</summary>
    private static string Text(JsonSyntax value) => value switch
    {
        JsonSyntaxValue { ValueKind: JsonValueKind.Number } v => v.Text,
        JsonSyntaxValue v => v.ToJsonNode()?.ToJsonString() ?? "null",
        JsonSyntaxArray a => "[" + string.Join(",", a.Items.Select(Text)) + "]",
        JsonSyntaxObject o => "{" + string.Join(",", o.Properties.Select(p => JsonSerializer.Serialize(p.Name) + ":" + Text(p.Value))) + "}",
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    private static JsonSyntax ParseValue(Override o)
    {
        try
        {
            var node = JsonNode.Parse(o.ValueText!);
            return JsonSyntax.FromJsonNode(node, o.Where);
        }
        catch (JsonException)
        {
            return new JsonSyntaxValue(o.Where, JsonValueKind.String, o.ValueText!);
        }
    }
}
