using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WeakToStrong.Provenance.Files;

namespace WeakToStrong.Provenance.Records;

/// <summary>A record as read from its file: the record, the run key the file states, and whether that is the hash of its hashed part.</summary>
public sealed record RecordFile(RunRecord Record, string StatedKey, string Path)
{
    /// <summary>Null when the stated key is the hash of the hashed part; else one line saying the record was edited.</summary>
    public string? IntegrityProblem => StatedKey == Record.RunKey
        ? null
        : $"record edited: stated run key {StatedKey} is not the hash of its hashed part ({Record.RunKey})";
}

/// <summary>
/// The one schema of `runs/&lt;experiment&gt;/&lt;runKey&gt;.json` (DVC's dvc/schema.py: one per persisted document), shared
/// by the writer and every reader. Format 2: `{ format, runKey, hashed, executions: [RunExecution…] }`, oldest first.
/// Format 1 (`provenance`: one execution) is upgraded in memory on read; the hashed part, and so the run key, is the
/// same in both, so old records still verify.
/// </summary>
public static class RunRecordSchema
{
    public const int FormatVersion = 2;

    /// <summary>One provenance object instead of a list of executions; the committed records before the run history.</summary>
    public const int SingleExecutionFormat = 1;

    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // A record with a missing required field (a stage id) is malformed, not a record with nulls in it.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize(RunRecord record) => new JsonObject
    {
        ["format"] = FormatVersion,
        ["runKey"] = record.RunKey,
        ["hashed"] = record.Hashed.DeepClone(),
        ["executions"] = JsonSerializer.SerializeToNode(record.Executions, Options),
    }.ToJsonString(Options) + "\n";

    /// <summary>One execution from its JSON (format 1's `provenance`, or one element of format 2's `executions`).</summary>
    public static RunExecution Execution(JsonObject json) => json.Deserialize<RunExecution>(Options)!;

    public static JsonObject ToJson(RunExecution execution) => JsonSerializer.SerializeToNode(execution, Options)!.AsObject();

    /// <summary>Reads the record at <paramref name="path"/>, whatever its format; never checks the key (see <see cref="RecordFile.IntegrityProblem"/>).</summary>
    /// <exception cref="InvalidDataException">Not a run record; one line that starts with the path.</exception>
    public static RecordFile Read(string path) => Parse(UserFile.ReadAllText(path, SizeLimit.Document), path);

    public static RecordFile Parse(string text, string path)
    {
        try
        {
            var root = JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException("not a JSON object");
            int? format = root["format"] is JsonValue v && v.TryGetValue(out int f) ? f : null;
            // The format first: a record of another version is named as such, not by the first field it lacks.
            if (format is not (SingleExecutionFormat or FormatVersion))
                throw new InvalidDataException($"run record format {root["format"]?.ToJsonString() ?? "(none)"} is not {SingleExecutionFormat} or {FormatVersion}");
            if (root["hashed"] is not JsonObject hashed) throw new InvalidDataException("no hashed part");
            if (root["runKey"] is not JsonValue stated || !stated.TryGetValue(out string? key)) throw new InvalidDataException("no runKey");
            if (hashed["experiment"] is not JsonValue e || !e.TryGetValue(out string? _)) throw new InvalidDataException("no hashed.experiment");
            var executions = format switch
            {
                FormatVersion => root["executions"] is JsonArray { Count: > 0 } list
                    ? list.Deserialize<List<RunExecution>>(Options)!
                    : throw new InvalidDataException("no executions"),
                SingleExecutionFormat => [Execution(root["provenance"] as JsonObject ?? [])],
                _ => throw new InvalidDataException($"run record format {root["format"]?.ToJsonString() ?? "(none)"} is not {SingleExecutionFormat} or {FormatVersion}"),
            };
            return new RecordFile(new RunRecord((JsonObject)hashed.DeepClone(), executions) { SourcePath = path }, key, path);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: not a readable run record ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }
}
