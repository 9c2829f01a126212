using System.Text;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Data.Tasks.Corpus;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>The spam, corpus and hypernym builders on small fixtures in their sources' real layouts.</summary>
public sealed class SpamAndCorpusTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private void Email(string group, string id, string body, string header = "Received: from mx.example\nDelivered-To: zzzz@localhost")
    {
        var dir = Directory.CreateDirectory(_dir.Combine("spam", "package", "data", group)).FullName;
        var json = $"{{\"id\":\"{id}\",\"group\":\"{group}\",\"text\":{System.Text.Json.JsonSerializer.Serialize(header + "\n\n" + body)}}}";
        File.WriteAllText(Path.Combine(dir, $"{id}.0123.json"), json);
    }

    [Fact]
    public void Spam_strips_headers_dedupes_bodies_drops_conflicts_and_balances_the_classes()
    {
        Email("spam-1", "00001", "BUY NOW cheap pills");
        Email("spam-1", "00002", "BUY NOW cheap pills"); // duplicate body
        Email("spam-1", "00003", "win a prize");
        Email("spam-1", "00004", "shared text");
        Email("easy-ham-1", "00001", "shared text");      // same body with the other label: dropped
        for (int i = 10; i < 16; i++) Email("easy-ham-1", $"000{i}", $"meeting notes {i}");

        var build = SpamTask.Build(_dir.Combine("spam"), new SpamOptions(), 1);

        Assert.Equal(2, build.Stats["positives"]);
        Assert.Equal(4, build.Items.Count);
        Assert.Equal(1, build.Stats["conflictingBodies"]);
        Assert.All(build.Items, i => Assert.DoesNotContain("Received", i.Text));
        Assert.Equal(["BUY NOW cheap pills", "win a prize"], build.Items.Where(i => i.HardLabel == 1).Select(i => i.Text));
        Assert.Equal(build.ContentHash, SpamTask.Build(_dir.Combine("spam"), new SpamOptions(), 1).ContentHash);
    }

    [Fact]
    public void Brown_tags_are_stripped_and_quotes_and_punctuation_rejoined()
    {
        const string tagged = "\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, it/pps didn't/do* ./.\n\n\n\tNext/ap paragraph/nn ./.\n";
        Assert.Equal("The jury said \"no evidence\", it didn't.\n\nNext paragraph.", BrownDetagger.Detag(tagged));
    }

    [Fact]
    public void The_corpus_keeps_the_books_order_and_holds_no_wordnet()
    {
        var moby = Directory.CreateDirectory(_dir.Combine("moby", "package", "data")).FullName;
        foreach (var (name, text) in new[] { ("chapter_10", "ten"), ("chapter_2", "two"), ("epilogue", "end"), ("etymology", "first"), ("contents", "toc") })
            File.WriteAllText(Path.Combine(moby, name + ".json"), $"{{\"chapter\":\"x\",\"title\":\"\",\"text\":\"{text}\\r\\n\"}}");
        var brown = Directory.CreateDirectory(_dir.Combine("brown", "package")).FullName;
        File.WriteAllText(Path.Combine(brown, "cats.txt"), "cb01 editorial\nca01 news\n");
        File.WriteAllText(Path.Combine(brown, "ca01"), "\tA/at dog/nn ./.\n");
        File.WriteAllText(Path.Combine(brown, "cb01"), "\tA/at cat/nn ./.\n");

        // Listed Moby-Dick first: the documents still join in the readers' positions, not the manifest's order.
        var sources = new[] { ("moby-dick", _dir.Combine("moby")), ("brown", brown) }.Select(s => (TaskCatalog.Default.CorpusReader(s.Item1), s.Item2)).ToList();
        var build = PretrainingCorpus.Build(sources);

        Assert.Equal(["brown/ca01", "brown/cb01", "moby-dick/etymology", "moby-dick/chapter_2", "moby-dick/chapter_10", "moby-dick/epilogue"],
            build.Documents.Select(d => d.Id));
        Assert.Equal("A dog.\n\nA cat.\n\nfirst\n\ntwo\n\nten\n\nend", build.ToText());
        Assert.Equal(["brown", "moby-dick"], build.Documents.Select(d => d.Source).Distinct());
        Assert.Equal(build.ToText(), PretrainingCorpus.Build(sources).ToText());
        Assert.Equal(["sotu", "brown", "moby-dick"], TaskCatalog.Default.Corpora);
        var unknown = Assert.Throws<KeyNotFoundException>(() => TaskCatalog.Default.CorpusReader("wiki"));
        Assert.Equal("no corpus reader 'wiki' (available: sotu, brown, moby-dick)", unknown.Message);
    }

    private static readonly string[] AnimalLemmas = ["animal", "dog", "cat", "horse", "hound", "wolf"];
    private static readonly string[] ArtifactLemmas = ["artifact", "hammer", "chair", "car", "auto", "table"];

    [Fact]
    public void Hypernym_positives_name_the_direct_hypernym_and_negatives_a_synset_of_another_file()
    {
        var dir = WordNetFixture.Write(_dir.Path);
        var build = HypernymTask.Build(dir, 2);
        Assert.Equal(10, build.Items.Count); // the 12 fixture synsets less the two roots without hypernyms
        foreach (var item in build.Items)
        {
            var expectedParent = item.Id is "n00000500" ? "dog" : int.Parse(item.Id[1..]) < 700 ? "animal" : "artifact";
            if (item.HardLabel == 1) Assert.Equal(expectedParent, item.Answer);
            else Assert.Contains(item.Answer, int.Parse(item.Id[1..]) < 700 ? ArtifactLemmas : AnimalLemmas);
            Assert.Equal(Encoding.UTF8.GetByteCount(item.Text), Encoding.UTF8.GetByteCount($"Q: Is {(item.Question![0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {item.Question} a kind of {item.Answer}?"));
        }
    }
}
