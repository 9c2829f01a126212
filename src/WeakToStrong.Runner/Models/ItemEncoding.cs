using WeakToStrong.Data.Formats;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Models;

/// <summary>
/// Items to token ids for one model. A BERT cross-encoder sees question and answer as a pair ([CLS] q [SEP] a [SEP]);
/// a causal LM reads the reference's single text. Sequences longer than maxCtx are truncated, where the reference
/// drops them: dropping would give the weak and the strong model different example sets (their tokenizers
/// differ), and weak labels must cover every train2 item.
/// </summary>
public static class ItemEncoding
{
    public static int[][] Encode(ITextEncoder encoder, IReadOnlyList<ClassificationItem> items, int maxCtx) =>
        items.Select(item => Encode(encoder, item, maxCtx)).ToArray();

    public static int[] Encode(ITextEncoder encoder, ClassificationItem item, int maxCtx)
    {
        int[] ids = encoder is WordPieceEncoder wp && item.Question is { } q && item.Answer is { } a
            ? wp.EncodePair(q, a)
            : encoder.Encode(item.Text);
        return ids.Length <= maxCtx ? ids : ids[..maxCtx];
    }

    /// <summary>Ground truth as a one-hot distribution (how the reference feeds hard labels to its soft-label loss).</summary>
    public static float[] OneHot(int label) => label == 1 ? [0f, 1f] : [1f, 0f];

    public static float[] Soft(ClassificationItem item) =>
        item.SoftLabel is { Count: 2 } s ? [(float)s[0], (float)s[1]] : OneHot(item.HardLabel);
}
