using WeakToStrong.Data.Rng;

namespace WeakToStrong.Runner.Tests.Data;

public sealed class SplitMix64Tests
{
    [Fact]
    public void Seed_zero_reproduces_the_reference_splitmix64_sequence()
    {
        // First outputs of Vigna's splitmix64.c with x = 0.
        var rng = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, rng.NextUInt64());
    }

    [Fact]
    public void Purposes_get_different_streams_and_the_same_purpose_the_same_stream()
    {
        Assert.Equal(SplitMix64.ForPurpose(1, "split").NextUInt64(), SplitMix64.ForPurpose(1, "split").NextUInt64());
        Assert.NotEqual(SplitMix64.ForPurpose(1, "split").NextUInt64(), SplitMix64.ForPurpose(1, "definitions").NextUInt64());
    }

    [Fact]
    public void NextBelow_stays_in_range_and_covers_it()
    {
        var rng = new SplitMix64(42);
        var seen = new int[7];
        for (int i = 0; i < 7000; i++) seen[rng.NextBelow(7)]++;
        Assert.All(seen, n => Assert.InRange(n, 850, 1150));
    }
}
