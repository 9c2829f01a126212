using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Reports;

/// <summary>One point of Fig. 3: a model's accuracy over seeds (mean ± SE, via <see cref="PgrStats"/>) at its parameter count.</summary>
public sealed record SizePoint(string Model, long Parameters, PgrStats Accuracy);

/// <summary>A line of a Fig. 3 panel: "ceiling", or "w2s &lt;loss&gt;".</summary>
public sealed record SizeSeries(string Name, IReadOnlyList<SizePoint> Points);

/// <summary>Fig. 3's panel for one weak model: its own accuracy, and per strong model the ceiling and each loss's student.</summary>
public sealed record SizePanel(string Weak, SizePoint? WeakPoint, IReadOnlyList<SizeSeries> Series);

/// <summary>Fig. 7: one transfer's schedule averaged over seeds (steps the seeds share), with the best and final points.</summary>
/// <param name="Best">Index of the highest mean accuracy, earliest on a tie (<see cref="EarlyStoppingSelector"/>).</param>
public sealed record CurveSeries(string Weak, string Strong, string Loss, IReadOnlyList<(int Step, PgrStats Accuracy)> Points, int Best)
{
    public int Final => Points.Count - 1;

    public string Name => $"{Weak} → {Strong}";
}

/// <summary>
/// What a run report plots, computed from one record: Fig. 3 (accuracy vs strong size per weak model), Fig. 4–5
/// (PGR per pair and loss, pooled median; Results' <see cref="TaskResult"/> and <see cref="PooledPgr"/>), Fig. 7
/// (accuracy during transfer) and bootstrap chains beside direct transfer. Pure: the same record, the same report.
/// </summary>
public sealed record RunReport(ReportInput Input, TaskResult Task, IReadOnlyList<PooledPgr> Pooled, IReadOnlyList<SizePanel> Size,
    IReadOnlyList<CurveSeries> Curves)
{
    public TaskRecord Record => Input.Record;

    /// <summary>A schedule of one point is only the final checkpoint: Fig. 7 needs at least two.</summary>
    public bool HasSchedule => Curves.Any(c => c.Points.Count >= 2);

    /// <summary>
    /// Some pair has per-item outcomes, so its ratio-of-means PGR has a paired bootstrap interval (<see cref="PairResult.Bootstrap"/>):
    /// Fig. 4–5 then draws the ratio of means with its 95% CI. Records made before outcomes were recorded have none and
    /// draw the per-seed median with the mean ± SE, as they always did.
    /// </summary>
    public bool HasIntervals => Task.Pairs.Any(p => p.Bootstrap is not null);

    public static RunReport Of(ReportInput input)
    {
        var task = TaskResult.Of(input.Record);
        return new RunReport(input, task, PooledPgr.Of([task]), SizePanels(input), CurvesOf(input));
    }

    static IReadOnlyList<SizePanel> SizePanels(ReportInput input)
    {
        var parameters = input.Models.Where(m => m.Parameters is not null).ToDictionary(m => m.Name, m => m.Parameters!.Value, StringComparer.Ordinal);
        SizePoint? Point(string model, IEnumerable<double> values) =>
            parameters.TryGetValue(model, out long n) && values.ToList() is { Count: > 0 } list ? new SizePoint(model, n, PgrStats.Of(list)) : null;
        IEnumerable<SizePoint> Known(IEnumerable<SizePoint?> points) => points.OfType<SizePoint>().OrderBy(p => p.Parameters);

        var runs = input.Record.Runs;
        return runs.Select(r => r.Weak).Distinct(StringComparer.Ordinal).Select(weak =>
        {
            var ofWeak = runs.Where(r => r.Weak == weak).ToList();
            var strongs = ofWeak.Select(r => r.Strong).Distinct(StringComparer.Ordinal).ToList();
            var series = new List<SizeSeries>
            {
                new("ceiling", Known(strongs.Select(s => Point(s, input.Ceiling.Where(a => a.Model == s).Select(a => a.TestAcc)))).ToList()),
            };
            series.AddRange(ofWeak.Select(r => r.Loss).Distinct(StringComparer.Ordinal).Select(loss => new SizeSeries($"w2s {loss}",
                Known(strongs.Select(s => Point(s, ofWeak.Where(r => r.Strong == s && r.Loss == loss).Select(r => r.TransferAcc)))).ToList())));
            return new SizePanel(weak, Point(weak, input.Weak.Where(a => a.Model == weak).Select(a => a.TestAcc)), series);
        }).ToList();
    }

    static IReadOnlyList<CurveSeries> CurvesOf(ReportInput input) => input.Curves
        .GroupBy(c => (c.Weak, c.Strong, c.Loss))
        .Select(g =>
        {
            // Steps every seed evaluated at: seeds of one transfer share their schedule, so this drops nothing in practice.
            var seeds = g.ToList();
            var steps = seeds.Select(c => c.Points.Select(p => p.Step)).Aggregate((a, b) => a.Intersect(b)).Order().ToList();
            var points = steps.Select(step => (step, PgrStats.Of(seeds.Select(c => c.Points.First(p => p.Step == step).TestAcc).ToList()))).ToList();
            return new CurveSeries(g.Key.Weak, g.Key.Strong, g.Key.Loss, points, EarlyStoppingSelector.Best(points, p => p.Item2.Mean ?? double.NaN));
        })
        .Where(c => c.Points.Count > 0)
        .ToList();
}
