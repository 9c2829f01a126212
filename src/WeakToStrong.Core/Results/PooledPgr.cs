using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Results;

/// <summary>
/// The paper's pooled number (Fig. 4's per-loss median): per loss, the median over every task's pairs of the pair's
/// median PGR over seeds (so each pair counts once, whatever its seed count). Flagged pairs are left out of the
/// median and counted in <see cref="Excluded"/>, so the number is read only from gaps that stand out of noise.
/// </summary>
public sealed record PooledPgr(string Loss, PgrStats Stats, IReadOnlyList<string> Included, IReadOnlyList<string> Excluded)
{
    public static IReadOnlyList<PooledPgr> Of(IReadOnlyList<TaskResult> tasks)
    {
        var rows = tasks.SelectMany(t => t.Pairs.Select(p => (Task: t, Pair: p))).ToList();
        return rows.Select(r => r.Pair.Loss).Distinct(StringComparer.Ordinal).Select(loss =>
        {
            var ofLoss = rows.Where(r => r.Pair.Loss == loss).ToList();
            var included = ofLoss.Where(r => !r.Pair.Flagged && r.Pair.Pgr.Median is not null).ToList();
            return new PooledPgr(loss,
                PgrStats.Of(included.Select(r => r.Pair.Pgr.Median!.Value).ToList()),
                included.Select(r => Label(r.Task, r.Pair)).ToList(),
                ofLoss.Except(included).Select(r => Label(r.Task, r.Pair)).ToList());
        }).ToList();
    }

    static string Label(TaskResult task, PairResult pair) => $"{task.Name} {pair.Name}";
}
