using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeakToStrong.Data.Cache;

/// <summary>
/// Moves a damaged cache entry (or part of one) to `&lt;root&gt;/quarantine/` with a note: what it was, the hash it should
/// have had, the one it had, when. The same layout and note fields as the content store's quarantine, which shares
/// the root, so one listing shows both.
/// </summary>
internal static class SourceQuarantine
{
    public static void Move(string root, string path, string what, string expected, string actual)
    {
        var when = DateTimeOffset.UtcNow;
        string dir = Directory.CreateDirectory(Path.Combine(root, "quarantine")).FullName;
        string name = $"{when.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..25] + "-" + Path.GetFileName(path);
        string target = Path.Combine(dir, name);
        try
        {
            if (Directory.Exists(path)) Directory.Move(path, target);
            else File.Move(path, target);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return; // another process moved it first
        }
        var note = new JsonObject
        {
            ["file"] = name, ["what"] = what, ["expected"] = expected, ["actual"] = actual,
            ["when"] = when.ToString("O", CultureInfo.InvariantCulture),
        };
        File.WriteAllText(target + ".note.json", note.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
