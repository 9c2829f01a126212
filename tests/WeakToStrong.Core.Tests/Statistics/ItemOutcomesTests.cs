using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Tests.Statistics;

public class ItemOutcomesTests
{
    [Fact]
    public void Packs_lsb_first_then_base64()
    {
        // items 0, 2 and 9 right: byte 0 = 0b0000_0101 = 5, byte 1 = 0b0000_0010 = 2
        var correct = new bool[10];
        correct[0] = correct[2] = correct[9] = true;
        Assert.Equal(Convert.ToBase64String([5, 2]), ItemOutcomes.Encode(correct));
        Assert.Equal("BQI=", ItemOutcomes.Encode(correct));
    }

    [Fact]
    public void Empty_encodes_to_empty_string()
    {
        Assert.Equal("", ItemOutcomes.Encode([]));
        Assert.Empty(ItemOutcomes.Decode("", 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(5000)]
    public void Round_trips(int count)
    {
        var correct = Enumerable.Range(0, count).Select(i => (i * 7919 + i / 3) % 5 < 2).ToArray();
        Assert.Equal(correct, ItemOutcomes.Decode(ItemOutcomes.Encode(correct), count));
    }

    [Fact]
    public void Decode_throws_on_too_few_bytes() =>
        Assert.Throws<FormatException>(() => ItemOutcomes.Decode(ItemOutcomes.Encode(new bool[8]), 9));

    [Fact]
    public void Decode_throws_on_too_many_bytes() =>
        Assert.Throws<FormatException>(() => ItemOutcomes.Decode(ItemOutcomes.Encode(new bool[9]), 8));

    [Fact]
    public void Decode_throws_when_a_bit_past_the_count_is_set()
    {
        var correct = new bool[8];
        correct[7] = true;
        Assert.Throws<FormatException>(() => ItemOutcomes.Decode(ItemOutcomes.Encode(correct), 7));
    }

    [Fact]
    public void Decode_throws_on_invalid_base64() =>
        Assert.Throws<FormatException>(() => ItemOutcomes.Decode("not base64!", 8));
}
