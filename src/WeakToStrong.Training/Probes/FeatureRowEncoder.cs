using WeakToStrong.Training.Models;

namespace WeakToStrong.Training.Probes;

/// <summary>
/// A frozen model's encoder in front of its <see cref="FeatureTable"/>: a text is encoded and cut to the maximum
/// context exactly as for the model itself, then becomes one id, its row. So a probe's examples are one token
/// each, and the trainer's and predictor's batching, collation and loss code run unchanged on them.
/// </summary>
public class FeatureRowEncoder(ITextEncoder inner, FeatureTable table, int maxCtx) : ITextEncoder
{
    protected ITextEncoder Inner { get; } = inner;

    public int PadId => 0;

    public int[] Encode(string text) => Row(Inner.Encode(text));

    protected int[] Row(int[] ids) => [checked((int)table.RowOf(ids.Length <= maxCtx ? ids : ids[..maxCtx]))];

    /// <summary>The row encoder for <paramref name="inner"/>: a pair encoder when the model reads pairs as two segments.</summary>
    public static FeatureRowEncoder For(ITextEncoder inner, FeatureTable table, int maxCtx) =>
        inner is IPairTextEncoder ? new PairRows(inner, table, maxCtx) : new FeatureRowEncoder(inner, table, maxCtx);

    private sealed class PairRows(ITextEncoder inner, FeatureTable table, int maxCtx) : FeatureRowEncoder(inner, table, maxCtx), IPairTextEncoder
    {
        public int[] EncodePair(string first, string second) => Row(((IPairTextEncoder)Inner).EncodePair(first, second));
    }
}
