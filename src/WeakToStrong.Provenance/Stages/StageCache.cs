using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Stages;

/// <summary>What a finished stage produced: named artifacts in the store and its metrics.</summary>
public sealed record StageOutput(string Key, string Kind, IReadOnlyDictionary<string, ContentRef> Outputs, JsonObject Metrics);

/// <summary>
/// Maps a stage's content key to its completed output (`&lt;store&gt;/stages/&lt;key&gt;.json`). The entry is written
/// only after every output is in the store, by atomic rename, so its presence means "complete". A lookup checks
/// the entry's own hash (its metrics are reused as they are), re-hashes the outputs, and compares the input objects
/// it was computed from with today's: a key hashes its dependencies' keys, not their bytes, so a dependency that was
/// repaired into different bytes must not be paired with outputs made from the old ones. Damaged entries and objects
/// go to quarantine; any failed check means "run it again".
/// </summary>
public sealed class StageCache(ContentStore store)
{
    string EntryPath(string key) => Path.Combine(store.Root, "stages", key[..2], key + ".json");

    /// <summary>The verified output of a stage, or null when it must (re)run; the reason goes to <paramref name="why"/>. Inputs are not compared.</summary>
    public StageOutput? TryGet(string key, out string why) => TryGet(key, null, out why);

    /// <summary>
    /// As <see cref="TryGet(string, out string)"/>, and null too when <paramref name="inputs"/> (dependency output name →
    /// `sha256:… size`, see <see cref="Put"/>) differ from those the entry was computed from.
    /// </summary>
    public StageOutput? TryGet(string key, IReadOnlyDictionary<string, string>? inputs, out string why)
    {
        string path = EntryPath(key);
        if (!File.Exists(path)) { why = "not run"; return null; }
        StageOutput output;
        JsonObject recordedInputs;
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FormatException("not a JSON object");
            if (node["check"] is null) { why = "cache entry predates hashed entries"; return null; }
            string? damage = EntryDamage(node, key);
            if (damage is not null)
            {
                Quarantine.Move(store.Root, path, $"stage cache entry {key}", $"check {(string?)node["check"] ?? "(none)"}", damage);
                why = $"damaged cache entry ({damage}); quarantined";
                return null;
            }
            output = Parse(node);
            recordedInputs = (JsonObject)node["inputs"]!; // EntryDamage found an object there
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            Quarantine.Move(store.Root, path, $"stage cache entry {key}", "a readable entry", e.Message);
            why = $"unreadable cache entry ({e.Message}); quarantined";
            return null;
        }
        foreach (var (name, r) in output.Outputs)
        {
            string? problem = store.CheckForUse(r, $"output '{name}' of stage {key} ({output.Kind})");
            if (problem is not null) { why = $"output '{name}' {problem}"; return null; }
        }
        if (inputs is not null && InputsDiffer(recordedInputs, inputs) is { } changed)
        {
            why = $"input {changed} changed since it ran";
            return null;
        }
        why = "cached";
        return output;
    }

    /// <summary>
    /// The metrics a stage's cache entry holds, for Audit: read-only (a damaged entry is reported, not quarantined), and
    /// only from an entry whose own check and key hold; null with the reason otherwise. Outputs are not re-hashed here.
    /// </summary>
    public JsonObject? StoredMetrics(string key, out string why)
    {
        string path = EntryPath(key);
        if (!File.Exists(path)) { why = "no stage cache entry"; return null; }
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
            string? damage = node is null ? "not a JSON object" : node["check"] is null ? "entry predates hashed entries" : EntryDamage(node, key);
            if (damage is not null) { why = $"damaged stage cache entry ({damage})"; return null; }
            why = "ok";
            return node!["metrics"] as JsonObject ?? new JsonObject();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            why = $"unreadable stage cache entry ({e.Message.ReplaceLineEndings(" ")})";
            return null;
        }
    }

    /// <param name="inputs">The dependency outputs the stage read (`stageId:output` → `sha256:… size`), recorded for <see cref="TryGet(string, IReadOnlyDictionary{string, string}?, out string)"/>.</param>
    public void Put(StageOutput output, IReadOnlyDictionary<string, string>? inputs = null)
    {
        string path = EntryPath(output.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var node = new JsonObject
        {
            ["key"] = output.Key,
            ["kind"] = output.Kind,
            ["inputs"] = new JsonObject((inputs ?? new Dictionary<string, string>()).OrderBy(i => i.Key, StringComparer.Ordinal)
                .Select(i => KeyValuePair.Create(i.Key, (JsonNode?)JsonValue.Create(i.Value)))),
            ["outputs"] = new JsonObject(output.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => KeyValuePair.Create(o.Key, (JsonNode?)JsonValue.Create(o.Value.ToString())))),
            ["metrics"] = output.Metrics.DeepClone(),
        };
        node["check"] = Check(node);
        AtomicFile.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The sha256 of the entry's canonical JSON without its "check" field.</summary>
    static string Check(JsonObject entry)
    {
        var body = entry.DeepClone().AsObject();
        body.Remove("check");
        return "sha256:" + ContentKey.Of(body);
    }

    /// <summary>Why an entry cannot be trusted (wrong check, another key), or null.</summary>
    static string? EntryDamage(JsonObject node, string key)
    {
        if (node["inputs"] is not JsonObject) return "no inputs";
        string actual = Check(node);
        if (TextOrNull(node["check"]) != actual) return $"content hashes to {actual}";
        return TextOrNull(node["key"]) == key ? null : $"entry names key {TextOrNull(node["key"]) ?? node["key"]?.ToJsonString()}";
    }

    static string? InputsDiffer(JsonObject recorded, IReadOnlyDictionary<string, string> now)
    {
        foreach (var (name, r) in now)
            if (TextOrNull(recorded[name]) != r) return $"'{name}' ({TextOrNull(recorded[name]) ?? "not recorded"} -> {r})";
        foreach (var (name, _) in recorded)
            if (!now.ContainsKey(name)) return $"'{name}' (no longer read)";
        return null;
    }

    /// <summary>The entry's fields, each of the type <see cref="Put"/> writes; what is not is a FormatException naming it.
    /// The entry's own check has held by now, so only an entry written wrong in the first place gets here.</summary>
    static StageOutput Parse(JsonObject o) => new(
        Text(o["key"], "key"), Text(o["kind"], "kind"),
        (o["outputs"] as JsonObject ?? throw new FormatException("outputs: not an object"))
            .ToDictionary(p => p.Key, p => ContentRef.Parse(Text(p.Value, $"outputs.{p.Key}"))),
        o["metrics"] switch
        {
            null => new JsonObject(),
            JsonObject metrics => metrics.DeepClone().AsObject(),
            _ => throw new FormatException("metrics: not an object"),
        });

    static string Text(JsonNode? node, string field) => TextOrNull(node) ?? throw new FormatException($"{field}: not a text");

    static string? TextOrNull(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
