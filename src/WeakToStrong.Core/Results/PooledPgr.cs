using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>
/// The paper's pooled number (Fig. 4's per-loss median): per loss, the median over every task's pairs of the pair's
/// median PGR over seeds (so each pair counts once, whatever its seed count). Flagged pairs are left out of the
/// median and listed in <see cref="Excluded"/>, so the number is read only from gaps that stand out of noise.
/// </summary>
public sealed record PooledPgr(string Loss, PgrStats Stats, IReadOnlyList<string> Included, IReadOnlyList<string> Excluded)
{
    /// <summary>Losses in the order they first appear over the (sorted) tasks.</summary>
    public static IReadOnlyList<PooledPgr> Of(IReadOnlyList<TaskResult> tasks)
    {
        var rows = PairRow.Of(tasks);
        return rows.Select(r => r.Pair.Loss).Distinct(StringComparer.Ordinal).Select(loss =>
        {
            var ofLoss = rows.Where(r => r.Pair.Loss == loss).ToList();
            var included = ofLoss.Where(r => r.Readable).ToList();
            return new PooledPgr(loss, PgrStats.Of(included.Select(r => r.Pgr).ToList()),
                included.Select(r => r.Label).ToList(), ofLoss.Where(r => !r.Readable).Select(r => r.Label).ToList());
        }).ToList();
    }
}
