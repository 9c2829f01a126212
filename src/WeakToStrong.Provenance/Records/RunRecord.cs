using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Records;

/// <summary>
/// A run's lock-like record (DVC's dvc.lock, content-addressed): a <see cref="Hashed"/> part — resolved manifest and
/// its hash, seeds, every stage's key, inputs, outputs and metrics, code identity — and an unhashed
/// <see cref="Provenance"/> part — times, host, threads, git state. <see cref="RunKey"/> = sha256 of the canonical
/// JSON (RFC 8785) of the hashed part, so two runs that computed the same bits share a key wherever they ran.
/// </summary>
public sealed class RunRecord
{
    public const int FormatVersion = 1;

    public JsonObject Hashed { get; }
    public JsonObject Provenance { get; }

    public RunRecord(JsonObject hashed, JsonObject provenance)
    {
        Hashed = hashed;
        Provenance = provenance;
    }

    public string RunKey => ContentKey.Of(Hashed);

    public string Experiment => (string)Hashed["experiment"]!;

    public JsonObject ToJson() => new()
    {
        ["format"] = FormatVersion,
        ["runKey"] = RunKey,
        ["hashed"] = Hashed.DeepClone(),
        ["provenance"] = Provenance.DeepClone(),
    };

    /// <summary>Writes `&lt;runsDir&gt;/&lt;experiment&gt;/&lt;runKey&gt;.json` atomically and returns its path.</summary>
    public string Write(string runsDirectory)
    {
        string path = Path.Combine(runsDirectory, Experiment, RunKey + ".json");
        AtomicFile.WriteAllText(path, ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }

    /// <summary>
    /// Whether a record's "format" is this version. Compared as a JSON value: a cast throws on a string or an object
    /// there, with a message naming no file.
    /// </summary>
    public static bool HasCurrentFormat(JsonObject root) =>
        root["format"] is JsonValue format && format.TryGetValue<int>(out int version) && version == FormatVersion;

    /// <summary>Reads a record and checks that its stated run key is the hash of its hashed part.</summary>
    public static RunRecord Read(string path)
    {
        var root = JsonNode.Parse(UserFile.ReadAllText(path, SizeLimit.Document))?.AsObject()
                   ?? throw new InvalidDataException($"{path}: not a run record");
        if (!HasCurrentFormat(root))
            throw new InvalidDataException($"{path}: run record format {root["format"]} is not {FormatVersion}");
        var record = new RunRecord(root["hashed"]!.DeepClone().AsObject(), root["provenance"]?.DeepClone().AsObject() ?? new JsonObject());
        string stated = (string?)root["runKey"] ?? "";
        if (stated != record.RunKey)
            throw new InvalidDataException($"{path}: stated run key {stated} does not match its hashed part ({record.RunKey}): the record was edited");
        return record;
    }
}
