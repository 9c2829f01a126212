using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>
/// The paper's pooled number (Fig. 4's per-loss median): per loss, the median over every task's pairs of the pair's
/// median PGR over seeds (so each pair counts once, whatever its seed count). Flagged pairs are left out of the
/// median and listed in <see cref="Excluded"/>, so the number is read only from gaps that stand out of noise.
/// </summary>
/// <remarks>
/// Beside the median, <see cref="RatioOfMeans"/> is the mean over the same pairs of each pair's ratio-of-means PGR,
/// with its 95% interval from the mean of the pairs' bootstrap resamples (null when a pooled pair has no per-item
/// outcomes); the findings are decided from it.
/// </remarks>
public sealed record PooledPgr(string Loss, PgrStats Stats, IReadOnlyList<string> Included, IReadOnlyList<string> Excluded)
{
    public PooledEstimate RatioOfMeans { get; init; } = PooledEstimate.Of([]);

    /// <summary>Losses in the order they first appear over the (sorted) tasks.</summary>
    public static IReadOnlyList<PooledPgr> Of(IReadOnlyList<TaskResult> tasks)
    {
        var rows = PairRow.Of(tasks);
        return rows.Select(r => r.Pair.Loss).Distinct(StringComparer.Ordinal).Select(loss =>
        {
            var ofLoss = rows.Where(r => r.Pair.Loss == loss).ToList();
            var included = ofLoss.Where(r => r.Readable).ToList();
            return new PooledPgr(loss, PgrStats.Of(included.Select(r => r.Pgr).ToList()),
                included.Select(r => r.Label).ToList(), ofLoss.Where(r => !r.Readable).Select(r => r.Label).ToList())
            {
                RatioOfMeans = PooledEstimate.Of(included.Select(r => r.Pair).ToList()),
            };
        }).ToList();
    }
}

/// <summary>
/// The mean over some pairs of their ratio-of-means PGR, and its 95% interval: per bootstrap resample the mean of the
/// pairs' resampled PGRs, then the percentiles (<see cref="PgrBootstrap.Percentiles"/>). Null interval when a pair has
/// no per-item outcomes, or too many resamples had no gap.
/// </summary>
public sealed record PooledEstimate(int Pairs, double? Value, Interval? Ci, double[]? Resamples)
{
    public static PooledEstimate Of(IReadOnlyList<PairResult> pairs)
    {
        var values = pairs.Select(p => p.PgrRatioOfMeans).ToList();
        double? value = pairs.Count > 0 && values.All(v => v is not null) ? values.Average() : null;
        var resamples = pairs.Count > 0 && pairs.All(p => p.Bootstrap is not null)
            ? PgrBootstrap.Mean(pairs.Select(p => (IReadOnlyList<double>)p.Bootstrap!.Pgr).ToList())
            : null;
        return new PooledEstimate(pairs.Count, value, resamples is null ? null : PgrBootstrap.Percentiles(resamples), resamples);
    }

    /// <summary>"0.312 [0.120, 0.501]", or the value alone without an interval.</summary>
    public override string ToString() => Numbers.WithCi(Value, Ci);
}
