using System.Runtime;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// A training step runs inside a no-GC region (<see cref="NoCollectionRegion"/>), so that TorchSharp's implicitly
/// converted Scalars cannot be finalized while libtorch reads them. These pin the region's behaviour, not the race:
/// that a loop's steps share one region (one full collection per region, not per step), that it is renewed before
/// a step would start short of budget, and that a renewal never ends a region under another thread's step.
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

    [Fact]
    public void Steps_under_a_hold_share_one_region_and_the_hold_ends_it_with_the_collection_it_put_off()
    {
        var before = GCSettings.LatencyMode;
        int renewals = NoCollectionRegion.Renewals, full = GC.CollectionCount(2);
        using (NoCollectionRegion.Hold())
        {
            for (int step = 0; step < 1000; step++)
            {
                using (NoCollectionRegion.Enter()) GC.KeepAlive(new byte[1024]); // 1 MB over all steps, inside the budget
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode); // kept between steps
            }
        }
        Assert.Equal(1, NoCollectionRegion.Renewals - renewals);
        // The one the region started with and the one its hold ends with, against 1,000 with one region per step.
        Assert.Equal(2, GC.CollectionCount(2) - full);
        Assert.Equal(before, GCSettings.LatencyMode);
    }

    [Fact]
    public void A_step_that_would_start_with_less_than_the_margin_left_renews_the_region_first()
    {
        using (NoCollectionRegion.Hold())
        {
            using (NoCollectionRegion.Enter()) { }
            int renewals = NoCollectionRegion.Renewals;
            var kept = new List<byte[]>();
            using (NoCollectionRegion.Enter())
            {
                // Leave less than the margin of the budget, without outgrowing it.
                for (long allocated = 0; allocated < NoCollectionRegion.Budget - NoCollectionRegion.Margin + (1 << 20); allocated += 1 << 16) kept.Add(new byte[1 << 16]);
            }
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Assert.Equal(renewals, NoCollectionRegion.Renewals);
            using (NoCollectionRegion.Enter()) Assert.Equal(renewals + 1, NoCollectionRegion.Renewals);
            GC.KeepAlive(kept);
        }
    }

    [Fact]
    public void A_renewal_waits_until_no_other_thread_has_a_step_in_flight()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var modeUnderOtherStep = GCLatencyMode.Batch;
        using (NoCollectionRegion.Hold())
        {
            var other = new Thread(() =>
            {
                using (NoCollectionRegion.Enter())
                {
                    entered.Set();
                    release.Wait();
                    modeUnderOtherStep = GCSettings.LatencyMode; // still the region: nobody ended it under this step
                }
            });
            other.Start();
            entered.Wait();
            int renewals = NoCollectionRegion.Renewals;
            var kept = new List<byte[]>();
            for (long allocated = 0; allocated < NoCollectionRegion.Budget - NoCollectionRegion.Margin + (1 << 20); allocated += 1 << 16) kept.Add(new byte[1 << 16]);
            var mine = new Thread(() => { using (NoCollectionRegion.Enter()) { } });
            mine.Start();
            Assert.False(mine.Join(300)); // it needs a renewal, and the other thread's step is still running
            Assert.Equal(renewals, NoCollectionRegion.Renewals);
            release.Set();
            Assert.True(mine.Join(10_000));
            other.Join();
            Assert.Equal(GCLatencyMode.NoGCRegion, modeUnderOtherStep);
            Assert.Equal(renewals + 1, NoCollectionRegion.Renewals);
            GC.KeepAlive(kept);
        }
    }
}

/// <summary>The GC's latency mode is process-wide: these tests must not overlap each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoCollectionRegionCollection
{
    public const string Name = "no-collection region";
}
