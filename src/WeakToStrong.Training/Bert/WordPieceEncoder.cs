using FastBertTokenizer;
using WeakToStrong.Training.Bert.Onnx;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Training.Bert;

/// <summary>
/// Uncased WordPiece for MiniLM: "[CLS] text [SEP]", truncated to maxCtx tokens (still ending in [SEP]).
/// FastBertTokenizer 1.2.6 is used because it matched Hugging Face's BERT rules on every string tried, where the
/// package's own tokenizer and Microsoft.ML.Tokenizers' BertTokenizer did not (docs/architecture.md §11). Input is
/// lower-cased and accent-stripped here first (HF's order), since under InvariantGlobalization the tokenizer's
/// own accent stripping is a no-op (see <see cref="AccentStripper"/>).
/// </summary>
public sealed class WordPieceEncoder : IPairTextEncoder
{
    public const int ClsId = 101;
    public const int SepId = 102;

    private readonly BertTokenizer _tokenizer;
    private readonly object _gate = new(); // FastBertTokenizer reuses its buffers between calls

    public int MaxCtx { get; }

    public int PadId => 0;

    public WordPieceEncoder(BertTokenizer tokenizer, int maxCtx)
    {
        if (maxCtx < 3) throw new ArgumentOutOfRangeException(nameof(maxCtx), maxCtx, "needs room for [CLS] x [SEP].");
        _tokenizer = tokenizer;
        MaxCtx = maxCtx;
    }

    /// <summary>The tokenizer of the embedded all-MiniLM-L6-v2 (its vocab.txt resource, lower-casing input).</summary>
    public static WordPieceEncoder ForMiniLm(int maxCtx = 512)
    {
        var tokenizer = new BertTokenizer();
        using (var reader = new StreamReader(MiniLmImporter.OpenResource(MiniLmImporter.VocabResource)))
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        return new WordPieceEncoder(tokenizer, maxCtx);
    }

    /// <summary>[CLS] text [SEP], at most <see cref="MaxCtx"/> ids.</summary>
    public int[] Encode(string text) => EncodeUpTo(text, MaxCtx);

    /// <summary>
    /// A cross-encoder input "[CLS] first [SEP] second [SEP]" (e.g. lemma and gloss) within <see cref="MaxCtx"/>,
    /// truncated like HF's "longest_first". BertModel derives token type ids from it (1 after the first [SEP]).
    /// </summary>
    public int[] EncodePair(string first, string second)
    {
        var budget = MaxCtx - 3;
        var a = Content(EncodeUpTo(first, budget + 2));
        var b = Content(EncodeUpTo(second, budget + 2));
        var (keepA, keepB) = LongestFirst(a.Length, b.Length, budget);
        return [ClsId, .. a[..keepA], SepId, .. b[..keepB], SepId];
    }

    /// <summary>
    /// HF transformers' longest_first truncation: remove from the longer segment until both are equal, then
    /// alternately (the second segment takes the odd token). Returns how many tokens of each to keep.
    /// </summary>
    public static (int KeepFirst, int KeepSecond) LongestFirst(int lenFirst, int lenSecond, int budget)
    {
        var remove = Math.Max(0, lenFirst + lenSecond - budget);
        var firstRemove = Math.Min(Math.Abs(lenSecond - lenFirst), remove);
        var secondRemove = remove - firstRemove;
        return lenFirst > lenSecond
            ? (lenFirst - (firstRemove + secondRemove / 2), lenSecond - (secondRemove - secondRemove / 2))
            : (lenFirst - secondRemove / 2, lenSecond - (firstRemove + secondRemove - secondRemove / 2));
    }

    private int[] EncodeUpTo(string text, int maximumTokens)
    {
        lock (_gate)
        {
            var (ids, _, _) = _tokenizer.Encode(AccentStripper.Strip(text.ToLowerInvariant()), maximumTokens);
            var result = new int[ids.Length];
            var span = ids.Span;
            for (var i = 0; i < result.Length; i++) result[i] = checked((int)span[i]);
            return result;
        }
    }

    private static int[] Content(int[] withSpecials) => withSpecials[1..^1];
}
