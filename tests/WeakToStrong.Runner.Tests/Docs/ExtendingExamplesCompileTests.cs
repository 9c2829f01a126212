using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WeakToStrong.Runner.Tests.Application;

namespace WeakToStrong.Runner.Tests.Docs;

/// <summary>
/// docs/extending.md's worked examples are code a reader copies into src/, so they must compile against today's
/// assemblies, whatever has been renamed since they were written. Every ```csharp block that is
/// a whole file (it starts with <c>using</c> or <c>namespace</c>) is compiled, with the projects' implicit usings and
/// nullable context; the only errors allowed are the members the same walkthrough tells the reader to add elsewhere,
/// and CS0122 (an internal member): each example is a file of the project the walkthrough names, where those are visible.
/// </summary>
public partial class ExtendingExamplesCompileTests
{
    /// <summary>Members a walkthrough adds in another file (named in its steps), which a block may use before they exist.</summary>
    static readonly string[] AddedByTheWalkthrough = ["'Smooth'", "'Epsilon'"];

    static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    [Fact]
    public void Every_whole_file_example_in_extending_md_compiles_against_todays_assemblies()
    {
        string doc = File.ReadAllText(Path.Combine(FrontEnds.RepositoryRoot, "docs", "extending.md"));
        var files = CSharpBlock().Matches(doc).Select(m => m.Groups[1].Value)
            .Where(code => code.StartsWith("using ", StringComparison.Ordinal) || code.StartsWith("namespace ", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 2, $"{files.Count} whole-file examples found in docs/extending.md");

        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = files.Select((code, i) => CSharpSyntaxTree.ParseText(code, parse, path: $"extending.md example {i + 1}"))
            .Append(CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using {u};\n")), parse, path: "implicit usings"));
        var compilation = CSharpCompilation.Create("ExtendingExamples", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithMetadataImportOptions(MetadataImportOptions.All));

        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0122"
                        && !AddedByTheWalkthrough.Any(m => d.GetMessage().Contains(m, StringComparison.Ordinal)))
            .Select(d => $"{d.Location.GetLineSpan()}: {d.Id} {d.GetMessage()}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>The framework and every assembly beside this test (ours, TorchSharp, the tokenizers).</summary>
    static IEnumerable<MetadataReference> References()
    {
        _ = typeof(WeakToStrong.Data.Tasks.DefinitionsTask).Assembly; // loaded, so its folder holds it
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.GetFiles(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!, "*.dll")
            .Where(f => IsManaged(f));
        return framework.Concat(beside).DistinctBy(Path.GetFileName).Select(f => MetadataReference.CreateFromFile(f));
    }

    static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
