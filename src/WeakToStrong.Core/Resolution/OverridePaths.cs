namespace WeakToStrong.Core.Resolution;

/// <summary>
/// What an override may name, checked before it is applied: the path is walked recursively, so one of thousands of
/// segments overflowed the stack; an empty name (`W2S_SET__=x`) was dropped without a word; and `scales`/`defaultScale`
/// are how a manifest chooses its values, not values themselves (a scale is chosen with --scale).
/// </summary>
public static class OverridePaths
{
    /// <summary>Deeper than any manifest value (the deepest are about five segments), far below the recursion's limits.</summary>
    public const int MaxSegments = 32;
    public const int MaxLength = 1000;

    static readonly string[] NotValues = ["scales", "defaultScale"];

    /// <summary>Null when <paramref name="path"/> may be set, else why not (one sentence).</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "An override needs a path before '=' (e.g. training.epochs=1).";
        if (path.Length > MaxLength) return $"Override path is {path.Length} characters long; at most {MaxLength} are allowed.";
        var segments = path.Split('.');
        if (segments.Length > MaxSegments) return $"Override path has {segments.Length} segments; at most {MaxSegments} are allowed.";
        if (NotValues.Contains(segments[0], StringComparer.Ordinal))
            return $"'{segments[0]}' is not a manifest value that can be overridden; choose a scale with --scale.";
        return null;
    }
}
