using WeakToStrong.Training.Bert;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Bert;

public class BertModelTests
{
    private const int Hidden = 384;

    private static readonly string[] Sentences =
    [
        "The quick brown fox jumps over the lazy dog.",
        "A dog.",
        "Weak-to-strong generalization: can a small supervisor elicit what a large model knows?",
        "Café prices rose 12% in 2023 — über-expensive!",
    ];

    [Fact]
    public void FoxEmbeddingMatchesSentenceTransformersReference()
    {
        var model = MiniLmReference.Model;
        var (ids, mask) = MiniLmReference.Batch([model.Encoder.Encode(Sentences[0])]);
        using var _ = ids;
        using var __ = mask;
        using var pooled = model.Embed(ids, mask);
        using var normalised = nn.functional.normalize(pooled, dim: 1);
        var first = normalised[0, ..5].data<float>().ToArray();
        double[] expected = [0.043934, 0.058934, 0.048178, 0.077548, 0.026744];
        for (var k = 0; k < 5; k++) Assert.Equal(expected[k], first[k], 1e-4);
    }

    [Fact]
    public void PaddedBatchMatchesOnnxRuntimePerTokenAndPooled()
    {
        var model = MiniLmReference.Model;
        var rows = Sentences.Select(model.Encoder.Encode).ToArray();
        var reference = MiniLmReference.OnnxHidden(
            rows.Select(r => r.Select(x => (long)x).ToArray()).ToArray(),
            rows.Select(r => new long[r.Length]).ToArray());
        var t = rows.Max(r => r.Length);
        var (ids, mask) = MiniLmReference.Batch(rows);
        using var _ = ids;
        using var __ = mask;
        using var hidden = model.Body.forward(ids, mask);
        var ours = hidden.data<float>().ToArray();
        using var pooled = nn.functional.normalize(model.Embed(ids, mask), dim: 1);
        var oursPooled = pooled.data<float>().ToArray();

        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)          // real tokens only: padded positions are masked out
                for (var k = 0; k < Hidden; k++)
                {
                    var at = (i * t + j) * Hidden + k;
                    Assert.True(Math.Abs(ours[at] - reference[at]) < 1e-4, $"row {i} token {j} dim {k}: {ours[at]} vs {reference[at]}");
                }
            var expected = MiniLmReference.PooledNormalised(reference, t, Hidden, i, rows[i].Length);
            for (var k = 0; k < Hidden; k++) Assert.Equal(expected[k], oursPooled[i * Hidden + k], 1e-4);
        }
    }

    [Fact]
    public void TextPairMatchesOnnxRuntimeWithSegmentIds()
    {
        var model = MiniLmReference.Model;
        var encoder = (WordPieceEncoder)model.Encoder;
        var row = encoder.EncodePair("fox", "a small wild canine with a bushy tail");
        var firstSep = Array.IndexOf(row, WordPieceEncoder.SepId);
        var types = row.Select((_, j) => j > firstSep ? 1L : 0L).ToArray();
        var reference = MiniLmReference.OnnxHidden([row.Select(x => (long)x).ToArray()], [types]);
        var (ids, mask) = MiniLmReference.Batch([row]);
        using var _ = ids;
        using var __ = mask;
        using var hidden = model.Body.forward(ids, mask);
        var ours = hidden.data<float>().ToArray();
        var worst = ours.Zip(reference, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"max |diff| {worst}");
    }

    [Fact]
    public void SegmentIdsAreOneAfterTheFirstSep()
    {
        using var ids = tensor(new long[] { 101, 7, 102, 8, 9, 102, 0, 0 }, [1, 8]);
        using var types = BertModel.SegmentIds(ids, WordPieceEncoder.SepId);
        Assert.Equal([0L, 0, 0, 1, 1, 1, 1, 1], types.data<long>().ToArray());
    }
}
