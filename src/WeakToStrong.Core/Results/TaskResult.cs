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

/// <summary>
/// A bootstrapping chain and loss over its seeds: its PGR and the direct transfer's, against the same baselines; and,
/// where the record has per-item outcomes, both as ratio-of-means PGR with paired bootstrap resamples. The two are
/// resampled with the same draws (the same seeds and test items), so <see cref="Difference"/> is paired.
/// </summary>
public sealed record ChainResult(IReadOnlyList<string> Chain, string Loss, int Seeds, PgrStats Bootstrap, PgrStats Direct)
{
    public PairResamples? BootstrapResamples { get; init; }

    /// <summary>Null when a seed has no direct transfer or no outcomes.</summary>
    public PairResamples? DirectResamples { get; init; }

    public string Name => string.Join(" → ", Chain);

    /// <summary>The chain's ratio-of-means PGR: from the resamples' point estimate, else from the recorded accuracies.</summary>
    public double? PgrRatioOfMeans { get; init; }

    /// <summary>The direct transfer's, against the same weak model and ceiling.</summary>
    public double? DirectPgrRatioOfMeans { get; init; }

    /// <summary>Per resample, bootstrapped − direct PGR; null without both.</summary>
    public double[]? Difference => BootstrapResamples is { } b && DirectResamples is { } d ? PgrBootstrap.Difference(b.Pgr, d.Pgr) : null;

    public static IReadOnlyList<ChainResult> Of(IReadOnlyList<ChainSeedRun> runs) => runs
        .GroupBy(r => (Chain: string.Join("\u0000", r.Chain), r.Loss))
        .Select(g => OfSeeds(g.ToList()))
        .ToList();

    static ChainResult OfSeeds(IReadOnlyList<ChainSeedRun> g)
    {
        var chain = g.All(r => r.Outcomes is not null) ? PgrBootstrap.Resample(g.Select(r => r.Outcomes!).ToList()) : null;
        var direct = g.All(r => r.DirectOutcomes is not null) ? PgrBootstrap.Resample(g.Select(r => r.DirectOutcomes!).ToList()) : null;
        double? Mean(Func<ChainSeedRun, double?> acc) => g.All(r => acc(r) is not null) ? g.Average(r => acc(r)!.Value) : null;
        double? weak = Mean(r => r.WeakAcc), ceiling = Mean(r => r.CeilingAcc), boot = Mean(r => r.BootstrapAcc), directAcc = Mean(r => r.DirectAcc);
        double? Ratio(double? student) => weak is { } w && ceiling is { } c && student is { } t ? PgrStatistics.Pgr(w, c, t) : null;
        return new ChainResult(g[0].Chain, g[0].Loss, g.Count,
            PgrStats.Of(g.Where(r => r.Pgr is not null).Select(r => r.Pgr!.Value).ToList()),
            PgrStats.Of(g.Where(r => r.DirectPgr is not null).Select(r => r.DirectPgr!.Value).ToList()))
        {
            BootstrapResamples = chain,
            DirectResamples = direct,
            PgrRatioOfMeans = chain is not null ? chain.Summary.Pgr : Ratio(boot),
            DirectPgrRatioOfMeans = direct is not null ? direct.Summary.Pgr : Ratio(directAcc),
        };
    }
}
