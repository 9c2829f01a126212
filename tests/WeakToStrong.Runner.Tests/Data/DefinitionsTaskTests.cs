using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Tasks;
using WeakToStrong.Data.Tasks.WordNet;

namespace WeakToStrong.Runner.Tests.Data;

public sealed class DefinitionsTaskTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_data_line_yields_id_lexicographer_file_lemmas_hypernyms_and_the_gloss_without_examples()
    {
        var s = WordNetReader.ParseLine(
            "02086723 05 n 03 dog 0 domestic_dog 0 Canis_familiaris 0 002 @ 02085998 n 0000 @i 01320032 n 0000 | a member of the genus Canis; \"the dog barked all night\"  ");
        Assert.Equal("n02086723", s.Id);
        Assert.Equal("noun.animal", s.LexFileName);
        Assert.Equal(["dog", "domestic dog", "Canis familiaris"], s.Lemmas);
        Assert.Equal(["n02085998", "n01320032"], s.Hypernyms);
        Assert.Equal("a member of the genus Canis", s.Gloss);
    }

    [Theory]
    [InlineData("a tangible entity; an entity that can cast a shadow; \"it was full of rackets\"", "a tangible entity; an entity that can cast a shadow")]
    [InlineData("a hand tool; \"he said; \"stop\"\"; \"another\"", "a hand tool")]
    [InlineData("a unit of length (12\"); equal to a foot; \"a 5' 10\" man", "a unit of length (12\"); equal to a foot")]
    [InlineData("\"only an example\"", "")]
    public void Glosses_keep_definitions_and_drop_quoted_examples(string gloss, string expected) =>
        Assert.Equal(expected, GlossCleaner.Clean(gloss));

    [Fact]
    public void Two_builds_with_the_same_seed_give_byte_identical_jsonl_and_another_seed_does_not()
    {
        var dir = WordNetFixture.Write(_dir.Path);
        var a = DefinitionsTask.Build(dir, new DefinitionsOptions(), 7);
        var b = DefinitionsTask.Build(dir, new DefinitionsOptions(), 7);
        var c = DefinitionsTask.Build(dir, new DefinitionsOptions(), 8);

        Assert.Equal(JsonlWriter.ToBytes(a.Items), JsonlWriter.ToBytes(b.Items));
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, c.ContentHash);
        Assert.Equal("splitmix64", a.Rng);
    }

    [Fact]
    public void Negatives_come_from_another_synset_of_the_same_file_that_neither_contains_the_lemma_nor_repeats_the_gloss()
    {
        var dir = WordNetFixture.Write(_dir.Path);
        var synsets = WordNetReader.Read(dir, "noun").ToDictionary(s => s.Id);
        int negatives = 0;
        for (ulong seed = 0; seed < 40; seed++)
        {
            foreach (var item in DefinitionsTask.Build(dir, new DefinitionsOptions(), seed).Items)
            {
                var own = synsets[item.Id];
                Assert.Equal($"Q: {item.Question} A: {item.Answer}", item.Text);
                Assert.Equal($"What is {own.Lemmas[0]}?", item.Question);
                if (item.HardLabel == 1) { Assert.Equal(own.Gloss, item.Answer); continue; }
                negatives++;
                // car and auto share a gloss, so a negative gloss may have two possible source synsets.
                var sources = synsets.Values.Where(s => s.Gloss == item.Answer).ToList();
                Assert.All(sources, s => Assert.Equal(own.LexFile, s.LexFile));
                Assert.NotEqual(own.Gloss, item.Answer);
                Assert.Contains(sources, s => !s.Lemmas.Contains(own.Lemmas[0], StringComparer.OrdinalIgnoreCase));
            }
        }
        Assert.InRange(negatives, 180, 300); // 40 seeds × 12 synsets, fair coin: 240 expected, SD 11
    }

    [Fact]
    public void The_negative_rule_is_a_declared_parameter_and_changes_the_output()
    {
        var dir = WordNetFixture.Write(_dir.Path);
        var same = DefinitionsTask.Build(dir, new DefinitionsOptions { Negatives = NegativeRule.SameFile }, 3);
        var any = DefinitionsTask.Build(dir, new DefinitionsOptions { Negatives = NegativeRule.AnyFile }, 3);

        Assert.Equal("same-file", same.Parameters["negatives"]);
        Assert.Equal("any-file", any.Parameters["negatives"]);
        Assert.Equal("noun", same.Parameters["partsOfSpeech"]);
        Assert.NotEqual(same.ContentHash, any.ContentHash);
    }

    [Fact]
    public void Sibling_negatives_share_a_hypernym_and_synsets_without_a_valid_sibling_are_dropped_and_counted()
    {
        var dir = WordNetFixture.Write(_dir.Path);
        var synsets = WordNetReader.Read(dir, "noun").ToDictionary(s => s.Id);
        var build = DefinitionsTask.Build(dir, new DefinitionsOptions { Negatives = NegativeRule.Sibling }, 11);
        foreach (var item in build.Items.Where(i => i.HardLabel == 0))
        {
            var source = synsets.Values.First(s => s.Gloss == item.Answer);
            Assert.NotEmpty(source.Hypernyms.Intersect(synsets[item.Id].Hypernyms));
        }
        Assert.Equal(build.Stats["synsets"], build.Stats["items"] + build.Stats["droppedNoNegative"]);
    }

    [Fact]
    public void Preference_pairs_hold_the_correct_gloss_as_chosen_and_a_same_file_gloss_as_rejected()
    {
        var dir = WordNetFixture.Write(_dir.Path);
        var synsets = WordNetReader.Read(dir, "noun").ToDictionary(s => s.Id);
        var build = DefinitionsTask.BuildPreference(dir, new DefinitionsOptions(), 5);
        Assert.Equal(12, build.Items.Count); // every fixture synset has a valid same-file negative
        foreach (var p in build.Items)
        {
            Assert.Equal(synsets[p.Id].Gloss, p.Chosen);
            Assert.Equal(synsets[p.Id].LexFile, synsets.Values.First(s => s.Gloss == p.Rejected).LexFile);
        }
    }
}
