using System.Text;
using System.Text.RegularExpressions;

namespace WeakToStrong.Training.Models;

/// <summary>
/// A text as hashed word n-grams for <see cref="BagOfWordsClassifier"/>: the text lower-cased (invariant culture),
/// cut into words by <see cref="WordPattern"/> (runs of Unicode letters, combining marks and digits, with inner
/// apostrophes kept: "don't" is one word, punctuation is dropped), then every word's unigram id followed by every
/// adjacent pair's bigram id ("w1 w2", one space). An id is FNV-1a-32 of the n-gram's UTF-8 bytes modulo
/// 2^<see cref="Bits"/>: the same in every process and on every machine (string.GetHashCode is randomised per
/// process, so it would make checkpoints meaningless).
/// </summary>
/// <remarks>
/// Unigrams come first so that a maximum context, which keeps the first maxCtx ids of an example
/// (<c>ItemEncoding</c>), drops bigrams before it drops any word: at maxCtx 64 a text of up to 64 words keeps every
/// unigram and as many of its leading bigrams as fit. A text with no word is the one n-gram "" (FNV-1a's offset
/// basis modulo 2^bits), so that every example has an id to collate; all such texts share its weight. Collisions
/// are the hashing trick's: two n-grams in one bucket share a weight. Padding uses id 0, which is also a real
/// bucket; the mask, not the id, says what is padding.
/// </remarks>
public sealed partial class HashedNgramEncoder : ITextEncoder
{
    /// <summary>FNV-1a-32's offset basis and prime (Fowler, Noll, Vo).</summary>
    public const uint FnvOffsetBasis = 2166136261, FnvPrime = 16777619;

    public HashedNgramEncoder(int bits)
    {
        if (bits is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(bits), bits, "hash bits must be 1–30");
        Bits = bits;
    }

    /// <summary>log2 of the bucket count.</summary>
    public int Bits { get; }

    /// <summary>2^<see cref="Bits"/>: ids are 0 … Buckets − 1.</summary>
    public int Buckets => 1 << Bits;

    public int PadId => 0;

    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0) return [Bucket(FnvOffsetBasis)];
        var ids = new int[2 * words.Count - 1];
        var hashes = new uint[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            hashes[i] = Fnv1a(FnvOffsetBasis, words[i]);
            ids[i] = Bucket(hashes[i]);
        }
        // FNV-1a is a running hash: "a b" continues a's hash with the space and then b's bytes.
        for (int i = 1; i < words.Count; i++)
            ids[words.Count + i - 1] = Bucket(Fnv1a(Fnv1a(hashes[i - 1], " "), words[i]));
        return ids;
    }

    /// <summary>The words of a text, lower-cased, in order.</summary>
    public static List<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    /// <summary>FNV-1a-32 of <paramref name="text"/>'s UTF-8 bytes, continuing from <paramref name="state"/>
    /// (<see cref="FnvOffsetBasis"/> for a fresh hash).</summary>
    public static uint Fnv1a(uint state, string text)
    {
        uint h = state;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            h ^= b;
            h = unchecked(h * FnvPrime);
        }
        return h;
    }

    /// <summary>The id of one n-gram (a word, or two words joined by one space).</summary>
    public int Id(string ngram) => Bucket(Fnv1a(FnvOffsetBasis, ngram));

    private int Bucket(uint hash) => (int)(hash & (uint)(Buckets - 1));

    /// <summary>A word: letters, marks and digits, with apostrophes (' or ’) inside it.</summary>
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*", RegexOptions.CultureInvariant)]
    public static partial Regex WordPattern();
}
