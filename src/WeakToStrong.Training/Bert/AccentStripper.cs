using System.Globalization;
using System.Text;

namespace WeakToStrong.Training.Bert;

/// <summary>
/// Hugging Face's uncased BERT accent stripping — NFD, then drop nonspacing marks — without ICU. Measured here:
/// the repository builds with InvariantGlobalization, where string.Normalize(FormD) returns "é" unchanged, so
/// FastBertTokenizer's own stripping silently does nothing and "Café" becomes [UNK]. The decompositions come from
/// a precomputed table (<c>AccentStripper.Table.g.cs</c>); Hangul syllables decompose algorithmically (Unicode §3.12);
/// mark categories come from CharUnicodeInfo, which needs no ICU.
/// </summary>
public static partial class AccentStripper
{
    // A method, not a field, in the generated file: field initialisers of a partial class in two files run in an
    // unspecified order.
    private static readonly Dictionary<char, string> Table = Decompositions().ToDictionary(e => e[0], e => e[1..]);

    public static string Strip(string text)
    {
        if (text.All(char.IsAscii)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(text, i) != UnicodeCategory.NonSpacingMark) sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (c is >= '\uAC00' and <= '\uD7A3') AppendHangul(sb, c);
            else if (Table.TryGetValue(c, out var stripped)) sb.Append(stripped);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        }
        return sb.ToString();
    }

    private static void AppendHangul(StringBuilder sb, char syllable)
    {
        var s = syllable - 0xAC00;
        sb.Append((char)(0x1100 + s / (21 * 28))).Append((char)(0x1161 + s % (21 * 28) / 28));
        if (s % 28 != 0) sb.Append((char)(0x11A7 + s % 28));
    }
}
