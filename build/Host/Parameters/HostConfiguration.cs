using Microsoft.Extensions.Configuration;
using WeakToStrong.Build.Host.CommandLine;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host.Parameters;

/// <summary>The environment and file layers, read with Microsoft.Extensions.Configuration (Json + EnvironmentVariables).</summary>
public static class HostConfiguration
{
    public const string NukeJson = "nuke.json";
    public static readonly string ParametersJson = Path.Combine(".nuke", "parameters.json");

    /// <summary>`NUKE_EXPERIMENT` wins over `EXPERIMENT`: the prefixed provider is added last, and M.E.Configuration lets the last one win.</summary>
    public static IConfiguration Environment() =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddEnvironmentVariables("NUKE_").Build();

    public static IConfiguration File(string rootDirectory, string relativePath) =>
        new ConfigurationBuilder().SetBasePath(rootDirectory).AddJsonFile(relativePath, optional: true, reloadOnChange: false).Build();

    /// <summary>The standard layers below the command line, highest first.</summary>
    public static IReadOnlyList<ParameterLayer> LayersBelowCommandLine(string rootDirectory, IConfiguration environment) =>
        [new ConfigurationLayer("environment", environment), .. FileLayers(rootDirectory)];

    /// <summary>The root's parameter files, highest first: nuke.json, then .nuke/parameters.json.</summary>
    public static IReadOnlyList<ConfigurationLayer> FileLayers(string rootDirectory) =>
    [
        new ConfigurationLayer(NukeJson, File(rootDirectory, NukeJson)),
        new ConfigurationLayer(ParametersJson, File(rootDirectory, ParametersJson)),
    ];

    public static bool IsFileLayer(ConfigurationLayer layer) => layer.SourceName.EndsWith(".json", StringComparison.Ordinal);

    /// <summary>
    /// A key in a parameters file that names no parameter is a typo the user would never notice (its value is silently
    /// ignored), so it is one error line with the nearest parameter name. `$schema` is JSON Schema's own key. A host
    /// option (`NoLogo`, `Verbosity` …) is read from the command line only here, so in a file it is an error that
    /// says so rather than a value that silently does nothing.
    /// </summary>
    public static void CheckFileKeys(ConfigurationLayer layer, IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<HostOption>? hostOptions = null)
    {
        var known = parameters.SelectMany(p => new[] { p.Name, p.Kebab, p.UpperSnake })
            .Select(NameStyle.Normalize).ToHashSet();
        foreach (var child in layer.Configuration.GetChildren())
        {
            if (child.Key == "$schema" || known.Contains(NameStyle.Normalize(child.Key)))
                continue;
            if (hostOptions?.FirstOrDefault(o => NameStyle.Normalize(o.Shape.Name) == NameStyle.Normalize(child.Key)) is { } option)
                throw new HostException($"{layer.SourceName}: '{child.Key}' is a host option: give it on the command line (--{option.Shape.Name}).");
            throw new HostException($"{layer.SourceName}: " + Suggestions.UnknownNameMessage("parameter", child.Key, parameters.Select(p => p.Name).ToList()));
        }
    }
}
