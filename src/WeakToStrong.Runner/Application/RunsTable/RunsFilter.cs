using System.Globalization;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>
/// `--where path=value`: a run is kept when its value at <c>path</c> (a manifest path, whether or not it differs between
/// the runs, or any column of the table) equals <c>value</c>: as text, as text without the JSON string quotes
/// (`training.loss=xent` matches "xent"), or as numbers (`training.lr=1e-3` matches 0.001). <c>tag=value</c> keeps the
/// runs that were given that tag (`--tag`), among others.
/// </summary>
public sealed record RunsFilter(string Path, string Value)
{
    /// <summary>The filter path that asks for a run's tag rather than a column's value.</summary>
    public const string Tag = "tag";

    /// <exception cref="UserError">Not path=value; the message says what was given.</exception>
    public static RunsFilter Parse(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new UserError($"runs: --where '{text}' is not path=value (e.g. --where training.lr=0.001)");
        return new RunsFilter(text[..eq].Trim(), text[(eq + 1)..].Trim());
    }

    /// <summary>Whether <paramref name="actual"/> (canonical JSON text, a number or null) matches; null matches nothing.</summary>
    public bool Matches(object? actual) => actual switch
    {
        null => false,
        double d => Number(Value) is { } v && v == d,
        string s => s == Value || Unquoted(s) == Value || (Number(s) is { } a && Number(Value) is { } b && a == b),
        _ => false,
    };

    static string Unquoted(string s) => s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1] : s;

    static double? Number(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
}
