using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Stages;

/// <summary>What a finished stage produced: named artifacts in the store and its metrics.</summary>
public sealed record StageOutput(string Key, string Kind, IReadOnlyDictionary<string, ContentRef> Outputs, JsonObject Metrics);

/// <summary>
/// Maps a stage's content key to its completed output (`&lt;store&gt;/stages/&lt;key&gt;.json`). The entry is written
/// only after every output is in the store, by atomic rename, so its presence means "complete"; a lookup
/// re-hashes the outputs, so a tampered or truncated object is never taken as done.
/// </summary>
public sealed class StageCache(ContentStore store)
{
    string EntryPath(string key) => Path.Combine(store.Root, "stages", key[..2], key + ".json");

    /// <summary>The verified output of a stage, or null when it must (re)run; the reason goes to <paramref name="why"/>.</summary>
    public StageOutput? TryGet(string key, out string why)
    {
        string path = EntryPath(key);
        if (!File.Exists(path)) { why = "not run"; return null; }
        StageOutput output;
        try { output = Parse(JsonNode.Parse(File.ReadAllText(path))!.AsObject()); }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException)
        {
            why = $"unreadable cache entry ({e.Message})";
            return null;
        }
        foreach (var (name, r) in output.Outputs)
        {
            string? problem = store.Verify(r);
            if (problem is not null) { why = $"output '{name}' {problem}"; return null; }
        }
        why = "cached";
        return output;
    }

    public void Put(StageOutput output)
    {
        string path = EntryPath(output.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var node = new JsonObject
        {
            ["key"] = output.Key,
            ["kind"] = output.Kind,
            ["outputs"] = new JsonObject(output.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => KeyValuePair.Create(o.Key, (JsonNode?)JsonValue.Create(o.Value.ToString())))),
            ["metrics"] = output.Metrics.DeepClone(),
        };
        AtomicFile.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    static StageOutput Parse(JsonObject o) => new(
        (string)o["key"]!, (string)o["kind"]!,
        o["outputs"]!.AsObject().ToDictionary(p => p.Key, p => ContentRef.Parse((string)p.Value!)),
        o["metrics"]?.DeepClone().AsObject() ?? new JsonObject());
}
