using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeakToStrong.Provenance.Store;

/// <summary>What a quarantine note says: the object, what it was for, the hash it should have had and the one it had, and when it was moved.</summary>
public sealed record QuarantineNote(string File, string What, string Expected, string Actual, DateTimeOffset When);

/// <summary>
/// `&lt;store&gt;/quarantine/`: where a damaged object goes instead of being used or deleted, with a note beside it.
/// Kept rather than deleted so that whoever investigates the damage (a disk, a person) still has the bytes.
/// </summary>
public static class Quarantine
{
    public const string Folder = "quarantine";
    const string NoteSuffix = ".note.json";

    /// <summary>
    /// Moves <paramref name="path"/> into the quarantine folder and writes its note; null when the file is already gone
    /// (another process quarantined or replaced it first), else the quarantined file's path.
    /// </summary>
    public static string? Move(string storeRoot, string path, string what, string expected, string actual)
    {
        var when = DateTimeOffset.UtcNow;
        string dir = Directory.CreateDirectory(Path.Combine(storeRoot, Folder)).FullName;
        string name = $"{when.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..25] + "-" + Path.GetFileName(path);
        string target = Path.Combine(dir, name);
        try
        {
            if (Directory.Exists(path)) Directory.Move(path, target);
            else File.Move(path, target);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var note = new JsonObject
        {
            ["file"] = name, ["what"] = what, ["expected"] = expected, ["actual"] = actual,
            ["when"] = when.ToString("O", CultureInfo.InvariantCulture),
        };
        AtomicFile.WriteAllText(target + NoteSuffix, note.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return target;
    }

    /// <summary>Every note in a store's quarantine, oldest first.</summary>
    public static IReadOnlyList<QuarantineNote> List(string storeRoot)
    {
        string dir = Path.Combine(storeRoot, Folder);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*" + NoteSuffix)
            .Select(f => JsonNode.Parse(System.IO.File.ReadAllText(f))!)
            .Select(n => new QuarantineNote((string)n["file"]!, (string)n["what"]!, (string)n["expected"]!, (string)n["actual"]!,
                DateTimeOffset.Parse((string)n["when"]!, CultureInfo.InvariantCulture)))
            .OrderBy(n => n.When).ThenBy(n => n.File, StringComparer.Ordinal)
            .ToList();
    }
}
