using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Random;

namespace WeakToStrong.Data.Tasks;

/// <summary>Balanced binary classes: chance is 0.5 on every task, so an accuracy reads the same way everywhere.</summary>
public static class ClassBalance
{
    /// <summary>Keeps a seeded random subset of the larger class, as large as the smaller one; the original order is kept.</summary>
    public static List<ClassificationItem> Undersample(IReadOnlyList<ClassificationItem> items, SplitMix64 rng)
    {
        var positive = items.Where(i => i.HardLabel == 1).ToList();
        var negative = items.Where(i => i.HardLabel == 0).ToList();
        var (small, large) = positive.Count <= negative.Count ? (positive, negative) : (negative, positive);
        rng.Shuffle(large);
        var keep = new HashSet<string>(small.Concat(large.Take(small.Count)).Select(i => i.Id), StringComparer.Ordinal);
        return items.Where(i => keep.Contains(i.Id)).ToList();
    }
}
