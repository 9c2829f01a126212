using System.Text.Json;
using System.Text.Json.Serialization;
using WeakToStrong.Core.Json;

namespace WeakToStrong.Core.Gate;

/// <summary>
/// A gate snapshot file's one schema (`experiments/__snapshots__/&lt;id&gt;.snap`, docs/gate.md): which experiment,
/// version, scale and seeds, how many test items, the run it came from, the metric names as a list (Snapshooter
/// compares it exactly, in order) and their values in an object keyed by name (left to the tolerances, so that
/// Snapshooter can ignore them as one field). `gate --accept` writes it and the gate and its tests read it.
/// </summary>
public sealed record SnapshotDocument(
    string Experiment, string Version, string Scale, IReadOnlyList<int> Seeds, int TestItems, string Run,
    IReadOnlyList<string> Metrics, IReadOnlyDictionary<string, double?> Values)
{
    static readonly JsonSerializerOptions Compact = StrictDocument.Options();
    static readonly JsonSerializerOptions Indented = StrictDocument.Options(indented: true);

    /// <summary>The file's bytes: two-space indented JSON and a final newline.</summary>
    public string ToFileText() => JsonSerializer.Serialize(this, Indented) + "\n";

    public System.Text.Json.Nodes.JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Compact)!.AsObject();

    /// <exception cref="InvalidDataException">One line: <paramref name="where"/>, the field and what is wrong.</exception>
    public static SnapshotDocument Read(string json, string where)
    {
        var document = StrictDocument.Read<SnapshotDocument>(json, Compact, where);
        for (int i = 0; i < document.Metrics.Count; i++)
        {
            if (document.Metrics[i] is null) throw new InvalidDataException($"{where}: metrics[{i}]: is null");
            if (!document.Values.ContainsKey(document.Metrics[i]))
                throw new InvalidDataException($"{where}: values: metric '{document.Metrics[i]}' has no value");
        }
        return document;
    }
}
