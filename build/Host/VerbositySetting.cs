using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host;

/// <summary>
/// Which <see cref="Verbosity"/> a run uses: `--verbosity`, else NUKE's environment variable `NUKE_VERBOSITY` (NUKE
/// binds it as it binds any parameter, so CI can set it once for every call), else Normal. Names compare
/// case-insensitively, as NUKE parses enums. An empty variable is unset: CI templates often export one they leave empty.
/// </summary>
public static class VerbositySetting
{
    public const string Variable = "NUKE_VERBOSITY";

    static readonly IReadOnlyList<string> Names = Enum.GetNames<Verbosity>();

    public static Verbosity Resolve(string? option, string? variable)
    {
        if (option is not null)
            return Parse(option) ?? throw new HostException("Parameter '--verbosity': " +
                Suggestions.UnknownNameMessage("value", option, Names.Select(n => n.ToLowerInvariant()).ToList()));
        if (string.IsNullOrEmpty(variable))
            return Verbosity.Normal;
        // The whole list, not the nearest name: a variable set in a CI file is fixed there, not retyped.
        return Parse(variable) ?? throw new HostException(
            $"{Variable} is '{variable}'; use one of {string.Join(", ", Names)} (any case), or unset it.");
    }

    static Verbosity? Parse(string value) =>
        Names.FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<Verbosity>(name) : null;
}
