using WeakToStrong.Data.Formats;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Examples;

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
        int[] ids = encoder is IPairTextEncoder wp && item.Question is { } q && item.Answer is { } a
            ? wp.EncodePair(q, a)
            : encoder.Encode(item.Text);
        return ids.Length <= maxCtx ? ids : ids[..maxCtx];
    }

    /// <summary>
    /// A preference pair (a, b) for a reward model: each response is read with its prompt (a cross-encoder takes
    /// them as [CLS] prompt [SEP] response [SEP]; a causal LM reads "prompt\nresponse") and truncated to maxCtx
    /// before packing, as <see cref="PairPacking"/> requires.
    /// </summary>
    public static int[] EncodePair(ITextEncoder encoder, string prompt, string a, string b, int maxCtx) =>
        PairPacking.Pack(EncodeResponse(encoder, prompt, a, maxCtx), EncodeResponse(encoder, prompt, b, maxCtx));

    static int[] EncodeResponse(ITextEncoder encoder, string prompt, string response, int maxCtx)
    {
        int[] ids = encoder is IPairTextEncoder wp ? wp.EncodePair(prompt, response) : encoder.Encode(prompt + "\n" + response);
        return ids.Length <= maxCtx ? ids : ids[..maxCtx];
    }

    /// <summary>Ground truth as a one-hot distribution (how the reference feeds hard labels to its soft-label loss).</summary>
    public static float[] OneHot(int label) => label == 1 ? [0f, 1f] : [1f, 0f];
}
