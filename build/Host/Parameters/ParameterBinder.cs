namespace WeakToStrong.Build.Host.Parameters;

/// <summary>Where a parameter's value came from: a layer's name, or "default" (the member's initializer).</summary>
public sealed record BoundParameter(ParameterDescriptor Parameter, object? Value, string Source);

/// <summary>
/// Binds parameters from layers in priority order — command line, then environment, then `nuke.json`, then
/// `.nuke/parameters.json` — and leaves the member's initializer in place when no layer answers.
/// </summary>
public static class ParameterBinder
{
    public static IReadOnlyList<BoundParameter> Bind(object build, IReadOnlyList<ParameterDescriptor> parameters, IReadOnlyList<ParameterLayer> layers)
    {
        var bound = new List<BoundParameter>(parameters.Count);
        foreach (var parameter in parameters)
        {
            var (values, source) = Resolve(parameter, layers);
            if (values is null)
            {
                bound.Add(new BoundParameter(parameter, parameter.GetValue(build), "default"));
                continue;
            }
            var value = ValueConverter.Convert(parameter, values);
            parameter.SetValue(build, value);
            bound.Add(new BoundParameter(parameter, value, source));
        }
        return bound;
    }

    static (IReadOnlyList<string>? Values, string Source) Resolve(ParameterDescriptor parameter, IReadOnlyList<ParameterLayer> layers)
    {
        foreach (var layer in layers)
        {
            var values = layer.Lookup(parameter);
            // An empty value from the environment or a file means "unset"; an empty list on the command line
            // (`--seeds` alone) is an explicit empty array.
            if (values is null || (values.Count == 0 && layer is not CommandLineLayer) || (!parameter.IsArray && values.Count == 0))
                continue;
            if (!parameter.IsArray && layer is not CommandLineLayer && values[^1].Length == 0)
                continue;
            return (values, layer.SourceName);
        }
        return (null, "default");
    }
}
