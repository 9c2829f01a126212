using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Provenance.Records;

/// <summary>
/// One stage of a record's hashed part, typed (issue 27 item 3): what every reader of a record's stages reads, checked
/// once when the record is read, so that a malformed stage is one line naming the record, the stage and the field
/// (`…json: hashed.stages[3] (label/weak/s0): outputs.labels: not a content reference …`), never a null dereference in
/// whichever reader meets it first. The JSON stays the record's own (its bytes are what the run key hashes); this is
/// the one reading of it.
/// </summary>
/// <param name="Code">The hash of the code that computed it (docs/architecture.md §4); null in records made before stage keys hashed code.</param>
/// <param name="Inputs">Input stage id → its key.</param>
/// <param name="Metrics">The stage's metrics as recorded (each kind's typed metrics record, in Runner, reads them).</param>
public sealed record RecordedStage(string Id, string Kind, string Key, string? Code, JsonObject Parameters,
    IReadOnlyDictionary<string, string> Inputs, IReadOnlyDictionary<string, ContentRef> Outputs, JsonObject Metrics)
{
    /// <summary>The stages of a hashed part, in record order (inputs first).</summary>
    /// <exception cref="InvalidDataException">A missing or mistyped field: "hashed.stages[i] (id): field: what is wrong".</exception>
    public static IReadOnlyList<RecordedStage> ParseAll(JsonObject hashed)
    {
        if (hashed["stages"] is not JsonArray stages) throw new InvalidDataException("hashed.stages: missing or not an array");
        var parsed = new List<RecordedStage>(stages.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (index, node) in stages.Index())
        {
            string where = $"hashed.stages[{index}]";
            if (node is not JsonObject stage) throw new InvalidDataException($"{where}: not an object");
            string id = Text(stage, "id", where);
            where += $" ({id})";
            if (!ids.Add(id)) throw new InvalidDataException($"{where}: a second stage with this id");
            parsed.Add(new RecordedStage(id, Text(stage, "kind", where), Text(stage, "key", where),
                stage["code"] is null ? null : Text(stage, "code", where),
                Object(stage, "parameters", where),
                Object(stage, "inputs", where).ToDictionary(p => p.Key, p => Text(p.Value, $"inputs.{p.Key}", where), StringComparer.Ordinal),
                Object(stage, "outputs", where).ToDictionary(p => p.Key, p => Reference(p.Value, $"outputs.{p.Key}", where), StringComparer.Ordinal),
                stage["metrics"] is null ? [] : Object(stage, "metrics", where)));
        }
        return parsed;
    }

    static string Text(JsonObject stage, string field, string where) => Text(stage[field], field, where);

    static string Text(JsonNode? node, string field, string where) =>
        node is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 ? s
            : throw new InvalidDataException($"{where}: {field}: {(node is null ? "missing" : $"not a text ({node.ToJsonString()})")}");

    static JsonObject Object(JsonObject stage, string field, string where) =>
        stage[field] as JsonObject ?? throw new InvalidDataException($"{where}: {field}: {(stage[field] is null ? "missing" : "not an object")}");

    static ContentRef Reference(JsonNode? node, string field, string where)
    {
        string text = Text(node, field, where);
        try
        {
            return ContentRef.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{where}: {field}: {e.Message}");
        }
    }
}
