using System.Collections;
using System.Globalization;
using System.Text;
using WeakToStrong.Build.Host.CommandLine;
using WeakToStrong.Build.Host.Execution;
using WeakToStrong.Build.Host.Parameters;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host.Output;

/// <summary>
/// `--help`, laid out as NUKE lays it out (nuke-build/nuke, source/Nuke.Build/Execution/Extensions/HandleHelpRequestsAttribute.cs):
/// "Targets (with their direct dependencies):", each target padded to at least 20 columns with `(default)` and
/// `-> dependencies`, its description indented below; then "Parameters:", the build's own first and the host's
/// after a blank line, `--name` padded to at least 16 columns, descriptions wrapped before column 90. This host adds
/// an enum parameter's values and each parameter's current value and where it came from (values come from four layers).
/// </summary>
public static class HelpText
{
    const int WrapColumn = 90;

    public static string Render(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<string> defaultTargets,
        IReadOnlyList<BoundParameter> parameters, IReadOnlyList<HostOption> hostOptions)
    {
        var text = new StringBuilder();
        text.Append("Targets (with their direct dependencies):\n\n");
        var targetWidth = Math.Max(targets.Max(t => t.Name.Length), 20);
        foreach (var target in targets)
        {
            var entry = target.Name + (defaultTargets.Contains(target.Name) ? " (default)" : "");
            var dependencies = target.Spec.DependsOn.Count > 0 ? " -> " + string.Join(", ", target.Spec.DependsOn) : "";
            text.Append($"  {entry.PadRight(targetWidth)}{dependencies}".TrimEnd()).Append('\n');
            var relations = new List<string>();
            if (target.Spec.After.Count > 0)
                relations.Add("after " + string.Join(", ", target.Spec.After));
            if (target.Spec.TriggeredBy.Count > 0)
                relations.Add("triggered by " + string.Join(", ", target.Spec.TriggeredBy));
            var description = (target.Description ?? "") + (relations.Count > 0 ? $" ({string.Join("; ", relations)})" : "");
            if (description.Length > 0)
                text.Append($"    {description.TrimStart()}\n");
        }

        text.Append("\nParameters (command line > environment NUKE_NAME or NAME > nuke.json > .nuke/parameters.json):\n\n");
        var nameWidth = Math.Max(parameters.Select(p => p.Parameter.Kebab.Length).Concat(hostOptions.Select(o => o.Shape.Name.Length)).DefaultIfEmpty(0).Max(), 16);
        foreach (var bound in parameters)
        {
            var current = bound.Value is null or ICollection { Count: 0 } ? "none" : FormatValue(bound.Value);
            var source = bound.Source == "default" ? "" : $", from {bound.Source}";
            var values = bound.Parameter.ScalarType.IsEnum ? $"values: {string.Join('|', ValueConverter.EnumNames(bound.Parameter.ScalarType))}; " : "";
            AppendParameter(text, bound.Parameter.Kebab, $"{bound.Parameter.Description} [{values}current: {current}{source}]", nameWidth);
        }
        text.Append('\n');
        foreach (var option in hostOptions)
            AppendParameter(text, option.Shape.Name, option.Help, nameWidth);
        return text.ToString();
    }

    static void AppendParameter(StringBuilder text, string name, string? description, int nameWidth)
    {
        var lines = Wrap(description ?? "<no description>", nameWidth + 6);
        text.Append($"  --{name.PadRight(nameWidth)}  {lines[0]}".TrimEnd()).Append('\n');
        foreach (var line in lines.Skip(1))
            text.Append(new string(' ', nameWidth + 6)).Append(line).Append('\n');
    }

    /// <summary>Words into lines that end before <see cref="WrapColumn"/> once indented by <paramref name="indent"/>; a longer word stands alone.</summary>
    public static IReadOnlyList<string> Wrap(string text, int indent)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[^1].Length > 0 && indent + lines[^1].Length + 1 + word.Length > WrapColumn)
                lines.Add("");
            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }
        return lines;
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
}
