namespace WeakToStrong.Build.Host.CommandLine;

/// <summary>How many values an option takes on the command line.</summary>
public enum OptionArity
{
    /// <summary>A bool: `--plan` alone means true; an explicit `true`/`false` may follow.</summary>
    Flag,
    /// <summary>Exactly one value: `--experiment x`.</summary>
    Single,
    /// <summary>Every following value up to the next option: `--seeds 0 1 2`; repeating the option appends.</summary>
    Many,
}

/// <summary>One option the parser knows: its display name (kebab-case, without dashes) and arity.</summary>
public sealed record OptionShape(string Name, OptionArity Arity);

/// <summary>A host option (`--plan`, `--skip` …): its shape, the name of its value in help, and its help text.</summary>
public sealed record HostOption(OptionShape Shape, string ValueName, string Help);
