namespace WeakToStrong.Runner.Stages;

/// <summary>
/// Which of a split's weak labels the manifest's `weakLabelFlip` flips: round(fraction · n) items, drawn without
/// replacement by a partial Fisher–Yates shuffle seeded from the run seed, so a sabotaged run is as reproducible as
/// any other (docs/gate.md "Sabotage").
/// </summary>
public static class WeakLabelFlip
{
    /// <summary>Mixed into the run seed so the flipped items do not track the split's own draw.</summary>
    const int Salt = 0x0F11B;

    public static IReadOnlySet<int> Items(int count, double? fraction, int seed)
    {
        if (fraction is not > 0) return new HashSet<int>();
        int k = (int)Math.Round(Math.Min(1.0, fraction.Value) * count, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, count).ToArray();
        var rng = new Random(seed ^ Salt);
        for (int i = 0; i < k; i++)
        {
            int j = rng.Next(i, count);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order.Take(k).ToHashSet();
    }
}
