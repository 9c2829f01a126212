using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Executors.Processes;

/// <summary>
/// How a stage ran in its process (`stage run --execution-out`), for the run that started it: whether it came from the
/// store, its time, its one-line summary and its throughput (the record's per-stage timing). One schema, written by
/// the stage verb and read by <see cref="ProcessExecutor"/>.
/// </summary>
public sealed record StageExecutionFile(bool Cached, double? Seconds, string? Summary, JsonObject? Timing)
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static void Write(string path, StageExecutionFile execution) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(execution, Options) + "\n");

    /// <summary>The file's contents; null when it is missing or unreadable (the stage itself is read from the store).</summary>
    public static StageExecutionFile? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<StageExecutionFile>(File.ReadAllText(path), Options);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }
}
