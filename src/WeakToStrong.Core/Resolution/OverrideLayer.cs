using WeakToStrong.Core.Diagnostics;

namespace WeakToStrong.Core.Resolution;

/// <summary>One assignment "dotted.path = value". <see cref="ValueText"/> is JSON; text that is not valid JSON is taken
/// as a string, so <c>--set models.strong.size=gpt2-xl</c> needs no quotes.</summary>
/// <remarks>A null <see cref="ValueText"/> is an assignment without '=': resolution reports it.</remarks>
public sealed record Override(string Path, string? ValueText, SourceLocation Where);

/// <summary>A named set of overrides (nuke.json, environment, command line), applied in list order.</summary>
public sealed record OverrideLayer(string Name, IReadOnlyList<Override> Overrides)
{
    /// <summary>A layer from (path, value) pairs; each is reported as "<paramref name="name"/>: path".</summary>
    public static OverrideLayer FromPairs(string name, IEnumerable<(string Path, string Value)> pairs) =>
        new(name, pairs.Select(p => new Override(p.Path, p.Value, SourceLocation.Origin($"{name}: {p.Path}"))).ToList());

    /// <summary>The command line's <c>--set a.b=1</c> arguments (each "a.b=1").</summary>
    public static OverrideLayer FromCommandLine(IEnumerable<string> assignments) =>
        new("command line", assignments.Select(a =>
        {
            var eq = a.IndexOf('=');
            return eq < 0
                ? new Override(a, null, SourceLocation.Origin($"--set {Shorten(a)}"))
                : new Override(a[..eq].Trim(), a[(eq + 1)..], SourceLocation.Origin($"--set {Shorten(a)}"));
        }).ToList());

    /// <summary>An assignment as a diagnostic names it: a huge value is cut, so an error stays one readable line.</summary>
    static string Shorten(string assignment) => assignment.Length <= 80 ? assignment : assignment[..77] + "…";

    /// <summary>Environment variables <c>W2S_SET__training__epochs=1</c> ("__" separates path segments, since
    /// variable names cannot hold dots). Pure: the caller passes the variables.</summary>
    public static OverrideLayer FromEnvironment(IEnumerable<KeyValuePair<string, string>> variables, string prefix = "W2S_SET__") =>
        new("environment", variables
            .Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)) // a bare prefix is kept: resolution names it
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new Override(v.Key[prefix.Length..].Replace("__", ".", StringComparison.Ordinal), v.Value,
                SourceLocation.Origin($"environment {v.Key}")))
            .ToList());
}
