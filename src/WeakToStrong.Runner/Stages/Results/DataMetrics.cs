namespace WeakToStrong.Runner.Stages.Results;

/// <summary>
/// What a data stage reports: the task build (items, RNG, seed, content hash) and, per split, the rate that says
/// ground truth is not constant: <see cref="PositiveRate"/> for classification, <see cref="ChosenFirstRate"/> (how
/// often the chosen response is presented first) for reward models.
/// </summary>
public sealed record DataMetrics(string Task, string Rng, ulong Seed, int TaskItems, string TaskHash) : StageMetrics
{
    public SplitRates? PositiveRate { get; init; }
    public SplitRates? ChosenFirstRate { get; init; }

    public override string Summary() => $"{TaskItems} task items";
}

public sealed record SplitRates(double Train1, double Train2, double Test);
