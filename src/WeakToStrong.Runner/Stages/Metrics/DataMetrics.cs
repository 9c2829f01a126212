namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>
/// What a data stage reports: the task build (items, RNG, seed, content hash, the parameters the builder reports and its
/// counts of what it kept and dropped) and, per split, the rate that says
/// ground truth is not constant: <see cref="PositiveRate"/> for classification, <see cref="ChosenFirstRate"/> (how
/// often the chosen response is presented first) for reward models.
/// </summary>
public sealed record DataMetrics(string Task, string Rng, ulong Seed, int TaskItems, string TaskHash) : StageMetrics
{
    public SplitRates? PositiveRate { get; init; }
    public SplitRates? ChosenFirstRate { get; init; }

    /// <summary>The parameters that produced the items as the builder reports them (they follow from the builder version
    /// and the normalised <c>data.params</c> the key hashes); null in records made before they were kept.</summary>
    public IReadOnlyDictionary<string, string>? TaskParameters { get; init; }

    /// <summary>The builder's counts worth reporting (items, positives, and items dropped and why, e.g.
    /// <c>droppedNoNegative</c>); null in records made before they were kept.</summary>
    public IReadOnlyDictionary<string, int>? TaskStats { get; init; }

    public override string Summary() => $"{TaskItems} task items";
}

public sealed record SplitRates(double Train1, double Train2, double Test);
