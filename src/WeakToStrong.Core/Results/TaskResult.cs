using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>One task (one experiment at one scale, its newest record) as the report shows it.</summary>
public sealed record TaskResult(TaskRecord Record, IReadOnlyList<PairResult> Pairs, IReadOnlyList<VariantResult> Variants,
    IReadOnlyList<ChainResult> Chains)
{
    public static TaskResult Of(TaskRecord record) => new(record,
        PairAggregation.Of(record.Runs, record.TestSize),
        record.EarlyStopping.Select(v => new VariantResult(v.Variant, PairAggregation.Of(v.Runs, record.TestSize))).ToList(),
        ChainResult.Of(record.Chains));

    /// <summary>"brown-genre (cpu)": an experiment can appear once per scale.</summary>
    public string Name => $"{Record.Experiment} ({Record.Scale})";
}

/// <summary>The pairs as one early-stopping variant would have stopped them; flags as for the final checkpoints.</summary>
public sealed record VariantResult(string Variant, IReadOnlyList<PairResult> Pairs);

/// <summary>A bootstrapping chain and loss over its seeds: its PGR and the direct transfer's, against the same baselines.</summary>
public sealed record ChainResult(IReadOnlyList<string> Chain, string Loss, int Seeds, PgrStats Bootstrap, PgrStats Direct)
{
    public string Name => string.Join(" → ", Chain);

    public static IReadOnlyList<ChainResult> Of(IReadOnlyList<ChainSeedRun> runs) => runs
        .GroupBy(r => (Chain: string.Join("\u0000", r.Chain), r.Loss))
        .Select(g => new ChainResult(g.First().Chain, g.Key.Loss, g.Count(),
            PgrStats.Of(g.Where(r => r.Pgr is not null).Select(r => r.Pgr!.Value).ToList()),
            PgrStats.Of(g.Where(r => r.DirectPgr is not null).Select(r => r.DirectPgr!.Value).ToList())))
        .ToList();
}
