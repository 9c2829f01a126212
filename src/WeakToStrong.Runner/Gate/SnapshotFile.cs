using WeakToStrong.Core.Gate;
using WeakToStrong.Provenance.Files;
using WeakToStrong.Provenance.Store;

namespace WeakToStrong.Runner.Gate;

/// <summary>
/// A gate snapshot on disk: <see cref="SnapshotDocument"/>, indented by two spaces, in the `__snapshots__` folder
/// Snapshooter reads (its `.snap` files are JSON it parses before comparing, so it reads what this writes).
/// </summary>
public static class SnapshotFile
{
    /// <summary>Null when there is none yet.</summary>
    /// <exception cref="InvalidDataException">One line naming the file and what is wrong with it; accept a new one.</exception>
    public static GateSnapshot? Read(string path)
    {
        if (!File.Exists(path)) return null;
        string text = UserFile.ReadAllText(path, SizeLimit.Document);
        try
        {
            return GateSnapshot.FromDocument(SnapshotDocument.Read(text, ""));
        }
        catch (InvalidDataException e)
        {
            // The document's own message begins with the `where` it was given (empty here) and ": ".
            throw new InvalidDataException($"{path}: not a gate snapshot ({e.Message[2..]}); accept a new one");
        }
    }

    public static void Write(string path, GateSnapshot snapshot)
    {
        // Atomic: a reader never sees half a snapshot, and whatever stood there (a damaged file, a FIFO) is replaced, not written into.
        AtomicFile.WriteAllText(path, snapshot.ToDocument().ToFileText());
    }
}
