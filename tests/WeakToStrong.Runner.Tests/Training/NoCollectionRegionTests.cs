using System.Runtime;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Engine.Tests.Training;

/// <summary>
/// A training step runs inside a no-GC region (<see cref="NoCollectionRegion"/>), so that TorchSharp's implicitly
/// converted Scalars cannot be finalized while libtorch reads them. These pin the region's behaviour, not the race.
/// </summary>
[Collection(NoCollectionRegionCollection.Name)]
public class NoCollectionRegionTests
{
    [Fact]
    public void Allocations_within_the_budget_inside_the_region_trigger_no_collection_and_the_mode_is_restored()
    {
        var before = GCSettings.LatencyMode;
        int collections;
        using (NoCollectionRegion.Enter())
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            collections = GC.CollectionCount(0);
            var kept = new List<byte[]>();
            for (int i = 0; i < 1000; i++) kept.Add(new byte[1024]); // 1 MB of small objects, well inside the budget
            Assert.Equal(collections, GC.CollectionCount(0));
            GC.KeepAlive(kept);
        }
        Assert.Equal(before, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_region_entered_inside_another_leaves_the_outer_one_in_force_and_both_end_cleanly()
    {
        using (NoCollectionRegion.Enter())
        {
            using (NoCollectionRegion.Enter()) Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_step_that_outgrows_the_budget_ends_the_region_early_without_throwing()
    {
        using (NoCollectionRegion.Enter())
        {
            var kept = new List<byte[]>();
            for (long allocated = 0; allocated < 2 * NoCollectionRegion.Budget; allocated += 1 << 16) kept.Add(new byte[1 << 16]);
            GC.KeepAlive(kept);
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}

/// <summary>The GC's latency mode is process-wide: these tests must not overlap each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoCollectionRegionCollection
{
    public const string Name = "no-collection region";
}
