using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>
/// One (weak, strong, loss) of one task over its seeds: mean accuracies, PGR median and mean ± SE over the seeds
/// that have one, mean agreement, and how far the gap and the weak model stand from noise.
/// </summary>
/// <param name="GapSe">Ceiling − weak (seed means) in SE (<see cref="Significance"/>).</param>
/// <param name="WeakOverChanceSe">Weak − chance (seed mean) in SE.</param>
/// <param name="Flags">Why the pair's PGR should not be read as a finding; empty when it may. Flagged pairs are shown, never hidden.</param>
public sealed record PairResult(string Weak, string Strong, string Loss, int Seeds, double WeakAcc, double TransferAcc, double CeilingAcc,
    double? Agreement, PgrStats Pgr, double GapSe, double WeakOverChanceSe, IReadOnlyList<string> Flags)
{
    /// <summary>(mean w2s − mean weak) / (mean ceiling − mean weak) over seeds; null without a gap.</summary>
    public double? PgrRatioOfMeans { get; init; }

    /// <summary>Mean w2s − mean weak accuracy.</summary>
    public double Gain { get; init; }

    /// <summary>The paired bootstrap over the seeds' per-item outcomes (<see cref="PgrBootstrap"/>); null when a seed has none.</summary>
    public PairResamples? Bootstrap { get; init; }

    public bool Flagged => Flags.Count > 0;

    public string Name => $"{Weak} → {Strong}";
}

/// <summary>Groups seed rows into <see cref="PairResult"/>s, in the order pairs and losses first appear.</summary>
public static class PairAggregation
{
    public static IReadOnlyList<PairResult> Of(IReadOnlyList<SeedRun> runs, int testSize) =>
        runs.GroupBy(r => (r.Weak, r.Strong, r.Loss)).Select(g => Pair(g.ToList(), testSize)).ToList();

    static PairResult Pair(IReadOnlyList<SeedRun> runs, int n)
    {
        double weak = runs.Average(r => r.WeakAcc), ceiling = runs.Average(r => r.CeilingAcc);
        var agreements = runs.Where(r => r.Agreement is not null).Select(r => r.Agreement!.Value).ToList();
        var stats = PgrStats.Of(runs.Where(r => r.Pgr is not null).Select(r => r.Pgr!.Value).ToList());
        double gap = Significance.GapInSe(weak, ceiling, n);
        double overChance = Significance.GapInSe(Significance.Chance, weak, n);

        var flags = Significance.Flags(weak, ceiling, n,
            runs.Where(r => Significance.IsConstant(r.StudentPositiveRate)).Select(r => r.Seed));
        // Seeds without a PGR, one flag per reason: with seed-mean baselines every seed of a pair shares it.
        foreach (var reason in runs.Where(r => r.Pgr is null).GroupBy(r => r.ExcludedBecause ?? "not measured"))
            flags.Add($"{string.Join(", ", reason.Select(r => $"s{r.Seed}"))}: no PGR ({reason.Key})");

        double transfer = runs.Average(r => r.TransferAcc);
        var bootstrap = runs.All(r => r.Outcomes is not null) ? PgrBootstrap.Resample(runs.Select(r => r.Outcomes!).ToList()) : null;
        return new PairResult(runs[0].Weak, runs[0].Strong, runs[0].Loss, runs.Count, weak, transfer, ceiling,
            agreements.Count > 0 ? agreements.Average() : null, stats, gap, overChance, flags)
        {
            // From the outcomes when there are some (the same numbers the run's evaluate stage recorded), else from the accuracies.
            PgrRatioOfMeans = bootstrap is not null ? bootstrap.Summary.Pgr : PgrStatistics.Pgr(weak, ceiling, transfer),
            Gain = bootstrap?.Summary.Gain ?? transfer - weak,
            Bootstrap = bootstrap,
        };
    }
}
