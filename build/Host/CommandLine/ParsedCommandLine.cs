namespace WeakToStrong.Build.Host.CommandLine;

/// <summary>
/// A NUKE command line split into its parts. Option values are keyed by <see cref="OptionShape.Name"/>;
/// an option absent from <see cref="Options"/> was not given.
/// </summary>
public sealed record ParsedCommandLine(IReadOnlyList<string> Targets, IReadOnlyDictionary<string, IReadOnlyList<string>> Options)
{
    public bool Has(string option) => Options.ContainsKey(option);

    public bool Flag(string option) => Options.TryGetValue(option, out var values) && values.Count > 0 && bool.Parse(values[^1]);

    public string? Single(string option) => Options.TryGetValue(option, out var values) && values.Count > 0 ? values[^1] : null;

    public IReadOnlyList<string> Many(string option) => Options.TryGetValue(option, out var values) ? values : [];
}
