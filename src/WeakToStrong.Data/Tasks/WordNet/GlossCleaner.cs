using System.Text;

namespace WeakToStrong.Data.Tasks.WordNet;

/// <summary>
/// A WordNet gloss is "definition[; definition…][; \"example\"…]". Keeps the definitions, drops the quoted
/// usage examples: the examples often contain the word itself, which would hand the answer to any model.
/// </summary>
public static class GlossCleaner
{
    public static string Clean(string gloss)
    {
        gloss = gloss.Trim();
        var parts = new List<string>();
        bool balanced = gloss.Count(c => c == '"') % 2 == 0;
        if (balanced)
        {
            // Split on ';' outside quotes, so an example containing ';' stays one segment.
            var current = new StringBuilder();
            bool inQuote = false;
            foreach (char c in gloss)
            {
                if (c == '"') inQuote = !inQuote;
                if (c == ';' && !inQuote) { parts.Add(current.ToString()); current.Clear(); }
                else current.Append(c);
            }
            parts.Add(current.ToString());
        }
        else
        {
            // Unbalanced quotes (an inch mark, a typo): cut at the first segment that opens with a quote.
            parts.AddRange(gloss.Split(';'));
        }
        var trimmed = parts.Select(p => p.Trim());
        var kept = (balanced ? trimmed.Where(p => !p.StartsWith('"')) : trimmed.TakeWhile(p => !p.StartsWith('"'))).Where(p => p.Length > 0);
        return string.Join("; ", kept);
    }
}
