using Microsoft.Extensions.Configuration;
using WeakToStrong.Build.Host.CommandLine;

namespace WeakToStrong.Build.Host.Parameters;

/// <summary>One source of parameter values; the binder asks the layers in priority order and takes the first answer.</summary>
public abstract record ParameterLayer(string SourceName)
{
    /// <summary>The raw values this layer holds for <paramref name="parameter"/>, or null when it says nothing about it.</summary>
    public abstract IReadOnlyList<string>? Lookup(ParameterDescriptor parameter);
}

/// <summary>The command line: the highest layer.</summary>
public sealed record CommandLineLayer(ParsedCommandLine CommandLine) : ParameterLayer("command line")
{
    public override IReadOnlyList<string>? Lookup(ParameterDescriptor parameter) =>
        CommandLine.Options.TryGetValue(parameter.Kebab, out var values) ? values : null;
}

/// <summary>
/// A Microsoft.Extensions.Configuration layer (environment variables or JSON files). A key may be spelled as the member
/// (`StoreRoot`), in kebab case (`store-root`) or upper snake case (`STORE_ROOT`, the environment's habit); keys
/// compare case-insensitively. Arrays come as JSON arrays or as one whitespace/comma-separated string (`SEEDS="0 1 2"`).
/// </summary>
public sealed record ConfigurationLayer(string Name, IConfiguration Configuration) : ParameterLayer(Name)
{
    public override IReadOnlyList<string>? Lookup(ParameterDescriptor parameter)
    {
        foreach (var key in new[] { parameter.Name, parameter.Kebab, parameter.UpperSnake })
        {
            var section = Configuration.GetSection(key);
            var children = section.GetChildren().ToList();
            if (children.Count > 0)
                return children.Select(c => c.Value ?? "").ToList();
            if (section.Value is not { } value)
                continue;
            if (!parameter.IsArray)
                return [value];
            return value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        }
        return null;
    }
}
