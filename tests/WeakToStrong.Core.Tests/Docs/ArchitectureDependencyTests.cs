using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WeakToStrong.Core.Tests.Docs;

/// <summary>
/// docs/architecture.md §2 lists every project's references "exactly as the .csproj files declare them"; this holds it
/// to that: a hand-kept list drifts.
/// </summary>
public partial class ArchitectureDependencyTests
{
    [Fact]
    public void The_dependency_list_in_architecture_section_2_is_the_csproj_project_references()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "architecture.md"));
        string section = doc[doc.IndexOf("## §2 ", StringComparison.Ordinal)..doc.IndexOf("## §3 ", StringComparison.Ordinal)];
        string block = CodeBlock().Match(section).Groups[1].Value;
        var documented = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Match line in DependencyLine().Matches(block))
        {
            string references = line.Groups["refs"].Value.Trim();
            documented[line.Groups["project"].Value] = references == "(nothing)" ? "" : string.Join(", ", references.Split(", ").Order(StringComparer.Ordinal));
        }

        var declared = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var csproj in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
                     .Append(Path.Combine(RepoPaths.Root, "build", "_build.csproj")))
        {
            string name = Path.GetFileNameWithoutExtension(csproj) is "_build" ? "build/" : Path.GetFileNameWithoutExtension(csproj)["WeakToStrong.".Length..];
            declared[name] = string.Join(", ", XDocument.Load(csproj).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))["WeakToStrong.".Length..])
                .Order(StringComparer.Ordinal));
        }

        Assert.Equal(declared, documented);
    }

    [GeneratedRegex(@"```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    /// <summary>`Runner      → Core, Data, …   packages` or `Core ← (nothing)`; "Cli (w2s)" names the Cli project.</summary>
    [GeneratedRegex(@"^(?<project>[A-Za-z]+/?)(?: \(w2s\))?\s+[→←]\s+(?<refs>\(nothing\)|[A-Za-z]+(?:, [A-Za-z]+)*)", RegexOptions.Multiline)]
    private static partial Regex DependencyLine();
}
