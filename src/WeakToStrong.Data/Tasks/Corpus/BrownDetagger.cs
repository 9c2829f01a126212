using System.Text;

namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>
/// Brown form C is one sentence per tab-indented line of <c>word/tag</c> tokens, paragraphs separated by
/// blank lines. Keeps the words (the text before the last '/'), turns the `` '' quote tokens back into '"',
/// and glues closing punctuation to the previous word, so the model sees prose, not tokens.
/// </summary>
public static class BrownDetagger
{
    private static readonly HashSet<string> NoSpaceBefore = [".", ",", ";", ":", "?", "!", ")", "'s", "n't", "'", "''"];

    public static string Detag(string tagged)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var raw in tagged.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Count > 0) { paragraphs.Add(string.Join(" ", current)); current.Clear(); }
                continue;
            }
            current.Add(Sentence(line));
        }
        if (current.Count > 0) paragraphs.Add(string.Join(" ", current));
        return string.Join("\n\n", paragraphs);
    }

    internal static string Sentence(string line)
    {
        var sb = new StringBuilder();
        bool afterOpenQuote = false;
        foreach (var token in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int slash = token.LastIndexOf('/');
            var word = slash > 0 ? token[..slash] : token;
            bool open = word == "``";
            if (word is "``" or "''") word = "\"";
            if (sb.Length > 0 && !afterOpenQuote && !NoSpaceBefore.Contains(slash > 0 ? token[..slash] : token)) sb.Append(' ');
            sb.Append(word);
            afterOpenQuote = open;
        }
        return sb.ToString();
    }
}
