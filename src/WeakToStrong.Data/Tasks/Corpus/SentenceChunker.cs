using System.Text.RegularExpressions;

namespace WeakToStrong.Data.Tasks.Corpus;

/// <summary>
/// Cuts running prose into chunks of whole consecutive sentences of at most <c>maxWords</c> words, so an item reads
/// as a passage rather than a fragment cut mid-sentence. Sentences end at '.', '!' or '?' followed by white space
/// (so "Mr. Speaker" is two "sentences", which only ever join). A sentence longer than <c>maxWords</c> is dropped and
/// ends the chunk before it, since the text after it does not follow on; a chunk under half of <c>maxWords</c> (a
/// short passage between two such sentences, or the last one) is dropped, so every item is about as long as asked.
/// </summary>
public static partial class SentenceChunker
{
    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    /// <summary>The chunks of <paramref name="text"/>, each its words joined by one space, in text order; and how many sentences were too long.</summary>
    public static (IReadOnlyList<string> Chunks, int LongSentences) Chunks(string text, int maxWords)
    {
        var chunks = new List<string>();
        var current = new List<string>();
        int longSentences = 0;
        void Close()
        {
            if (current.Count * 2 >= maxWords) chunks.Add(string.Join(' ', current));
            current.Clear();
        }
        foreach (var sentence in SentenceEnd().Split(text))
        {
            var words = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (words.Length > maxWords) { longSentences++; Close(); continue; }
            if (current.Count + words.Length > maxWords) Close();
            current.AddRange(words);
        }
        Close();
        return (chunks, longSentences);
    }
}
