using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Provenance.Audit;

namespace WeakToStrong.Runner.Application.RunsTable;

/// <summary>
/// The manifest columns of the runs table: the resolved-manifest paths at which the listed runs differ, found by the
/// differ `diff` and `audit` use (<see cref="JsonPathDiff"/>: every run against the first, canonical values, so `2` and
/// `2.0` are the same), and each run's value at those paths, named as that differ names them.
/// </summary>
public static class ManifestColumns
{
    /// <summary>Every path at which some manifest differs from the first, in the order the differ walks them (keys ordinal).</summary>
    public static IReadOnlyList<string> Differing(IReadOnlyList<JsonNode?> manifests)
    {
        var paths = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manifest in manifests.Skip(1))
            foreach (var change in JsonPathDiff.Compare(manifests[0], manifest))
                if (seen.Add(change.Path)) paths.Add(change.Path);
        // One ordinal order over all runs: run 3's paths are not appended after run 2's.
        return paths.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Path → canonical JSON text of every node of <paramref name="manifest"/> (objects and arrays too), with the names
    /// <see cref="JsonPathDiff"/> gives them: "a.b", "a[0]", "$" for the root.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Values(JsonNode? manifest)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk("", manifest, values);
        return values;
    }

    static void Walk(string path, JsonNode? node, Dictionary<string, string> values)
    {
        values[path.Length == 0 ? "$" : path] = CanonicalJson.Serialize(node);
        if (node is JsonObject o)
            foreach (var (key, child) in o) Walk(path.Length == 0 ? key : $"{path}.{key}", child, values);
        else if (node is JsonArray a)
            for (int i = 0; i < a.Count; i++) Walk($"{path}[{i}]", a[i], values);
    }
}
