using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;

namespace WeakToStrong.Provenance.Audit;

/// <summary>One value that differs between two JSON documents, at a dotted path (`training.lr`, `seeds[0]`).</summary>
public sealed record JsonChange(string Path, string? Recorded, string? Current);

/// <summary>
/// The dotted paths at which two JSON documents differ. Values are compared in canonical form (RFC 8785), so
/// `2` and `2.0` are equal, as they are for the manifest hash. Arrays of different lengths are reported whole:
/// an index-by-index diff of a shifted list would name every element after the shift.
/// </summary>
public static class JsonPathDiff
{
    public static IReadOnlyList<JsonChange> Compare(JsonNode? recorded, JsonNode? current)
    {
        var changes = new List<JsonChange>();
        Walk("", recorded, current, changes);
        return changes;
    }

    static void Walk(string path, JsonNode? a, JsonNode? b, List<JsonChange> changes)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(p => p.Key).Union(ob.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                string child = path.Length == 0 ? key : $"{path}.{key}";
                bool inA = oa.ContainsKey(key), inB = ob.ContainsKey(key);
                if (inA && inB) Walk(child, oa[key], ob[key], changes);
                else changes.Add(new JsonChange(child, inA ? Text(oa[key]) : null, inB ? Text(ob[key]) : null));
            }
            return;
        }
        if (a is JsonArray aa && b is JsonArray ab && aa.Count == ab.Count)
        {
            for (int i = 0; i < aa.Count; i++) Walk($"{path}[{i}]", aa[i], ab[i], changes);
            return;
        }
        string ta = Text(a), tb = Text(b);
        if (ta != tb) changes.Add(new JsonChange(path.Length == 0 ? "$" : path, ta, tb));
    }

    static string Text(JsonNode? node) => CanonicalJson.Serialize(node);
}
