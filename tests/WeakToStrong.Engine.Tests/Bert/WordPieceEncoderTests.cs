using WeakToStrong.Training.Bert;

namespace WeakToStrong.Engine.Tests.Bert;

public class WordPieceEncoderTests
{
    private const string Fox = "The quick brown fox jumps over the lazy dog.";

    [Fact]
    public void FoxSentenceEncodesToHuggingFaceIds()
    {
        var ids = WordPieceEncoder.ForMiniLm().Encode(Fox);
        Assert.Equal([101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899, 1012, 102], ids);
    }

    [Fact]
    public void TruncationKeepsThePrefixAndEndsWithSep()
    {
        var ids = WordPieceEncoder.ForMiniLm(maxCtx: 6).Encode(Fox);
        Assert.Equal([101, 1996, 4248, 2829, 4419, 102], ids);
    }

    [Fact]
    public void PairIsClsFirstSepSecondSep()
    {
        var encoder = WordPieceEncoder.ForMiniLm();
        var ids = encoder.EncodePair("The quick brown fox", "jumps over the lazy dog.");
        Assert.Equal([101, 1996, 4248, 2829, 4419, 102, 14523, 2058, 1996, 13971, 3899, 1012, 102], ids);
    }

    [Fact]
    public void PairTruncationShortensTheLongerSegmentFirst()
    {
        // 4 + 6 content tokens into a budget of 10 - 3 = 7: three must go, all from the longer second segment.
        var ids = WordPieceEncoder.ForMiniLm(maxCtx: 10).EncodePair("The quick brown fox", "jumps over the lazy dog.");
        Assert.Equal([101, 1996, 4248, 2829, 4419, 102, 14523, 2058, 1996, 102], ids);
    }

    [Theory]
    [InlineData(3, 3, 10, 3, 3)]   // fits: nothing removed
    [InlineData(10, 3, 8, 5, 3)]   // only the longer first segment shrinks
    [InlineData(3, 10, 8, 3, 5)]   // only the longer second segment shrinks
    [InlineData(4, 4, 6, 3, 3)]    // equal: one each
    [InlineData(4, 4, 5, 3, 2)]    // equal, odd removal: the second segment gives the extra token (HF)
    [InlineData(6, 4, 5, 3, 2)]    // 2 to equalise, then 3 more: first gives 1, second 2
    public void LongestFirstMatchesTransformersRule(int a, int b, int budget, int keepA, int keepB) =>
        Assert.Equal((keepA, keepB), WordPieceEncoder.LongestFirst(a, b, budget));

    [Fact]
    public void PadIdIsBertsPad() => Assert.Equal(0, WordPieceEncoder.ForMiniLm().PadId);
}
