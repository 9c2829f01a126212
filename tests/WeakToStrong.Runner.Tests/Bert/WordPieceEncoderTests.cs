using WeakToStrong.Training.Bert;

namespace WeakToStrong.Runner.Tests.Bert;

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
    public void UncasedStripsAccentsLikeHuggingFace()
    {
        // bert-base-uncased's BasicTokenizer lower-cases and removes combining marks (NFD) before WordPiece; under
        // InvariantGlobalization .NET cannot normalise, so without our own table these were all [UNK].
        var encoder = WordPieceEncoder.ForMiniLm();
        Assert.Equal(encoder.Encode("cafe uber naive"), encoder.Encode("Café Über naïve"));
        Assert.DoesNotContain(100, encoder.Encode("Café Über naïve")); // 100 = [UNK]
    }

    [Theory]
    [InlineData("Crème Brûlée", "Creme Brulee")]
    [InlineData("e\u0301", "e")]                              // a combining mark on its own is dropped
    [InlineData("\uD55C", "\u1112\u1161\u11AB")]             // Hangul 한 → conjoining jamo, as NFD gives
    [InlineData("\u00C5ngstr\u00F6m \u2126", "Angstrom \u03A9")] // Å, ö; Ohm sign → Greek capital omega (canonical)
    public void AccentStripperMatchesNfdWithoutMarks(string input, string expected) =>
        Assert.Equal(expected, WeakToStrong.Training.Bert.AccentStripper.Strip(input));

    [Fact]
    public void PadIdIsBertsPad() => Assert.Equal(0, WordPieceEncoder.ForMiniLm().PadId);
}
