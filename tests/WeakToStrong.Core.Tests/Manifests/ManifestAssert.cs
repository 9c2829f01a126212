using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

internal static class ManifestAssert
{
    public const string File = "experiments/x.json";

    /// <summary>Loading the marked text gives exactly one diagnostic, at the '§' marker, with this code and message.</summary>
    public static void SingleError(string marked, string code, string message)
    {
        var (text, marks) = Marked.Parse(marked);
        var result = ManifestLoader.Load(text, File, TaskCatalog.Default);
        var (line, column) = Assert.Single(marks);
        Assert.Equal([$"{File}({line},{column}): error {code}: {message}"], result.Diagnostics.Select(d => d.ToString()));
        Assert.Null(result.Manifest);
    }
}
