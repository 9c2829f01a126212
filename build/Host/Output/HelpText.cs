using System.Collections;
using System.Globalization;
using System.Text;
using WeakToStrong.Build.Host.CommandLine;
using WeakToStrong.Build.Host.Execution;
using WeakToStrong.Build.Host.Parameters;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host.Output;

/// <summary>`--help`: targets with descriptions and dependencies, parameters with help text and current value, host options.</summary>
public static class HelpText
{
    public static string Render(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> defaultTargets,
        IReadOnlyList<BoundParameter> parameters, IReadOnlyList<HostOption> hostOptions)
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: ./build.sh [targets] [--parameter value …]   (build.ps1 / build.cmd on Windows)");
        text.AppendLine();
        text.AppendLine($"Targets (default: {string.Join(' ', defaultTargets)}):");
        var nameWidth = targets.Max(t => t.Name.Length) + 2;
        foreach (var target in targets)
        {
            var relations = new List<string>();
            if (target.Spec.DependsOn.Count > 0)
                relations.Add("depends on " + string.Join(", ", target.Spec.DependsOn));
            if (target.Spec.After.Count > 0)
                relations.Add("after " + string.Join(", ", target.Spec.After));
            if (target.Spec.TriggeredBy.Count > 0)
                relations.Add("triggered by " + string.Join(", ", target.Spec.TriggeredBy));
            var suffix = relations.Count > 0 ? $" ({string.Join("; ", relations)})" : "";
            text.AppendLine($"  {target.Name.PadRight(nameWidth)}{target.Description ?? ""}{suffix}".TrimEnd());
        }

        text.AppendLine();
        text.AppendLine("Parameters (command line > environment NUKE_NAME or NAME > nuke.json > .nuke/parameters.json):");
        var usages = parameters.Select(p => Usage(p.Parameter.Shape, ValueConverter.TypeName(p.Parameter.ScalarType))).ToList();
        var hostUsages = hostOptions.Select(o => Usage(o.Shape, o.ValueName)).ToList();
        var usageWidth = usages.Concat(hostUsages).Select(u => u.Length).DefaultIfEmpty(0).Max() + 2;
        for (var i = 0; i < parameters.Count; i++)
        {
            var bound = parameters[i];
            var current = bound.Value is null or ICollection { Count: 0 } ? "none" : FormatValue(bound.Value);
            var source = bound.Source == "default" ? "" : $", from {bound.Source}";
            text.AppendLine($"  {usages[i].PadRight(usageWidth)}{bound.Parameter.Description} [current: {current}{source}]");
        }

        text.AppendLine();
        text.AppendLine("Host options:");
        for (var i = 0; i < hostOptions.Count; i++)
            text.AppendLine($"  {hostUsages[i].PadRight(usageWidth)}{hostOptions[i].Help}");
        return text.ToString();
    }

    public static string FormatValue(object value) => value switch
    {
        string s => s,
        Enum e => NameStyle.Kebab(e.ToString()),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(' ', items.Cast<object>().Select(FormatValue)),
        _ => value.ToString() ?? "",
    };

    static string Usage(OptionShape shape, string type)
    {
        return shape.Arity switch
        {
            OptionArity.Flag => $"--{shape.Name}",
            OptionArity.Single => $"--{shape.Name} <{type}>",
            _ => $"--{shape.Name} <{type}>…",
        };
    }
}
