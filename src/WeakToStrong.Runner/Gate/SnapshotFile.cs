using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Gate;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Gate;

/// <summary>
/// A gate snapshot on disk: the <see cref="GateSnapshot"/> JSON, indented by two spaces, in the `__snapshots__` folder
/// Snapshooter reads (its `.snap` files are JSON it parses before comparing, so it reads what this writes).
/// </summary>
public static class SnapshotFile
{
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Null when there is none yet.</summary>
    public static GateSnapshot? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return GateSnapshot.FromJson(JsonNode.Parse(UserFile.ReadAllText(path, SizeLimit.Document))!.AsObject());
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a gate snapshot ({e.Message.ReplaceLineEndings(" ")}); accept a new one");
        }
    }

    public static void Write(string path, GateSnapshot snapshot)
    {
        // Atomic: a reader never sees half a snapshot, and whatever stood there (a damaged file, a FIFO) is replaced, not written into.
        AtomicFile.WriteAllText(path, snapshot.ToJson().ToJsonString(Indented) + "\n");
    }
}
