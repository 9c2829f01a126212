using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Reports;

/// <summary>
/// One metric of two runs: a's and b's value and their SE over seeds (null for one seed, or for a pooled number),
/// so that a delta can be read against the seed spread. <see cref="Se"/> is the delta's: sqrt(SE_a² + SE_b²).
/// </summary>
public sealed record MetricDelta(string Metric, double? A, double? B, double? SeA, double? SeB)
{
    public double? Delta => A is { } a && B is { } b ? b - a : null;

    public double? Se => SeA is { } x && SeB is { } y ? Math.Sqrt(x * x + y * y) : null;

    /// <summary>|Δ| in units of <see cref="Se"/>; null when either is missing or the SE is 0.</summary>
    public double? DeltaInSe => Delta is { } d && Se is { } se && se > 0 ? Math.Abs(d) / se : null;
}

/// <summary>
/// The metrics of two runs side by side, from their report inputs: each weak model's and each ceiling's own test
/// accuracy, per (weak, strong, loss) the student's accuracy and PGR (mean ± SE and median over seeds, Results'
/// <see cref="PairAggregation"/>), and the pooled median PGR per loss. Metrics only one run has are listed with the other side null.
/// </summary>
public static class MetricDiff
{
    public static IReadOnlyList<MetricDelta> Of(ReportInput a, ReportInput b)
    {
        var ma = Metrics(a);
        var mb = Metrics(b);
        var names = ma.Keys.Concat(mb.Keys.Where(k => !ma.ContainsKey(k))).ToList(); // a's order, then b's new ones
        return names.Select(n =>
        {
            var (va, sa) = ma.TryGetValue(n, out var x) ? x : (null, null);
            var (vb, sb) = mb.TryGetValue(n, out var y) ? y : (null, null);
            return new MetricDelta(n, va, vb, sa, sb);
        }).ToList();
    }

    static Dictionary<string, (double? Value, double? Se)> Metrics(ReportInput input)
    {
        var m = new Dictionary<string, (double?, double?)>(StringComparer.Ordinal);
        foreach (var g in input.Weak.GroupBy(w => w.Model)) m[$"weak acc {g.Key}"] = MeanSe(g.Select(w => w.TestAcc));
        foreach (var g in input.Ceiling.GroupBy(w => w.Model)) m[$"ceiling acc {g.Key}"] = MeanSe(g.Select(w => w.TestAcc));
        var task = TaskResult.Of(input.Record);
        foreach (var p in task.Pairs)
        {
            string pair = $"{p.Weak}->{p.Strong}/{p.Loss}";
            m[$"w2s acc {pair}"] = MeanSe(input.Record.Runs.Where(r => r.Weak == p.Weak && r.Strong == p.Strong && r.Loss == p.Loss).Select(r => r.TransferAcc));
            m[$"pgr mean {pair}"] = (p.Pgr.Mean, p.Pgr.StandardError);
            m[$"pgr median {pair}"] = (p.Pgr.Median, null);
        }
        foreach (var pooled in PooledPgr.Of([task])) m[$"pgr pooled median {pooled.Loss}"] = (pooled.Stats.Median, null);
        return m;
    }

    static (double?, double?) MeanSe(IEnumerable<double> values)
    {
        var stats = PgrStats.Of(values.ToList());
        return (stats.Mean, stats.StandardError);
    }
}
