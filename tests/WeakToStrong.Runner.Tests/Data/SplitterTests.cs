using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Splits;

namespace WeakToStrong.Runner.Tests.Data;

public sealed class SplitterTests
{
    /// <summary>300 items in groups of 1, 2 or 3 (sizes cycle), like lemmas with several senses.</summary>
    private static List<ClassificationItem> Items()
    {
        var items = new List<ClassificationItem>();
        for (int g = 0; items.Count < 300; g++)
            for (int k = 0; k <= g % 3 && items.Count < 300; k++)
                items.Add(new ClassificationItem($"i{items.Count}", $"g{g}", $"text {items.Count}", items.Count % 2));
        return items;
    }

    [Fact]
    public void Splits_have_the_asked_sizes_and_no_group_straddles_two_splits()
    {
        var s = Splitter.Split(Items(), new SplitSpec { Train1 = 100, Train2 = 80, Test = 50 }, seed: 3, task: "toy");

        Assert.Equal([100, 80, 50], new[] { s.Train1.Count, s.Train2.Count, s.Test.Count });
        var owner = new Dictionary<string, string>();
        foreach (var (name, part) in new[] { ("train1", s.Train1), ("train2", s.Train2), ("test", s.Test) })
            foreach (var item in part)
                Assert.Equal(name, owner.TryAdd(item.Group, name) ? name : owner[item.Group]);
        Assert.Equal(230, s.Train1.Concat(s.Train2).Concat(s.Test).Select(i => i.Id).Distinct().Count());
        Assert.Equal("splitmix64", s.Rng);
    }

    [Fact]
    public void A_validation_split_is_dealt_last_and_leaves_the_other_splits_as_they_were()
    {
        var without = Splitter.Split(Items(), new SplitSpec { Train1 = 100, Train2 = 80, Test = 50 }, seed: 3, task: "toy");
        var with = Splitter.Split(Items(), new SplitSpec { Train1 = 100, Train2 = 80, Test = 50, Validation = 40 }, seed: 3, task: "toy");

        Assert.Equal(without.Train1, with.Train1);
        Assert.Equal(without.Train2, with.Train2);
        Assert.Equal(without.Test, with.Test);
        Assert.Empty(without.Validation);
        Assert.Equal(40, with.Validation.Count);
        var others = with.Train1.Concat(with.Train2).Concat(with.Test).Select(i => i.Group).ToHashSet();
        Assert.DoesNotContain(with.Validation, i => others.Contains(i.Group));
    }

    [Fact]
    public void The_same_seed_gives_the_same_splits_and_another_seed_other_splits()
    {
        var a = Splitter.Split(Items(), new SplitSpec { Train1 = 100, Train2 = 80, Test = 50 }, 3, "toy");
        var b = Splitter.Split(Items(), new SplitSpec { Train1 = 100, Train2 = 80, Test = 50 }, 3, "toy");
        var c = Splitter.Split(Items(), new SplitSpec { Train1 = 100, Train2 = 80, Test = 50 }, 4, "toy");
        Assert.Equal(a.Test.Select(i => i.Id), b.Test.Select(i => i.Id));
        Assert.NotEqual(a.Test.Select(i => i.Id), c.Test.Select(i => i.Id));
    }

    [Fact]
    public void Asking_for_more_items_than_the_source_has_is_an_honest_error()
    {
        var e = Assert.Throws<InsufficientDataException>(() => Splitter.Split(Items(), new SplitSpec { Train1 = 200, Train2 = 80, Test = 50 }, 0, "definitions"));
        Assert.Equal("definitions: asked for 330 items, source has 300", e.Message);
    }

    [Fact]
    public void Groups_too_big_to_fill_a_split_exactly_are_an_error_not_a_silent_shortfall()
    {
        var pairs = Enumerable.Range(0, 10).Select(i => new ClassificationItem($"i{i}", $"g{i / 2}", "t", 0)).ToList();
        var e = Assert.Throws<InsufficientDataException>(() => Splitter.Split(pairs, new SplitSpec { Train1 = 3, Train2 = 3, Test = 3 }, 0, "toy"));
        Assert.StartsWith("toy: could fill ", e.Message);
        Assert.EndsWith("using whole groups (10 items in 5 groups)", e.Message);
    }
}
