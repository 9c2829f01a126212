using System.Globalization;
using WeakToStrong.Core.Results;
using WeakToStrong.Core.Statistics;

namespace WeakToStrong.Core.Reports;

/// <summary>A table of a report, as Markdown and HTML both write it: cells already formatted.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Every number the figures plot, one table per figure kind, formatted as docs/results.md formats them (<see cref="Numbers"/>).</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> Of(RunReport report)
    {
        var tables = new List<ReportTable> { Size(report), Pairs(report), Pooled(report) };
        if (report.HasSchedule) tables.Add(Curves(report));
        if (report.Task.Chains.Count > 0) tables.Add(Chains(report));
        return tables.Where(t => t.Rows.Count > 0).ToList();
    }

    static ReportTable Size(RunReport report) => new("Fig. 3: test accuracy vs strong-model size",
        ["weak", "series", "model", "parameters", "seeds", "mean acc", "SE"],
        report.Size.SelectMany(panel =>
            (panel.WeakPoint is { } w ? [Row(panel.Weak, "weak", w)] : Array.Empty<IReadOnlyList<string>>())
            .Concat(panel.Series.SelectMany(s => s.Points.Select(p => Row(panel.Weak, s.Name, p))))).ToList());

    static IReadOnlyList<string> Row(string weak, string series, SizePoint p) =>
        [weak, series, p.Model, p.Parameters.ToString(CultureInfo.InvariantCulture), Numbers.Int(p.Accuracy.Count), Numbers.F3(p.Accuracy.Mean), Numbers.F3(p.Accuracy.StandardError)];

    static ReportTable Pairs(RunReport report) => new("Fig. 4–5: PGR per pair and loss",
        ["weak", "strong", "loss", "seeds", "weak acc", "w2s acc", "ceiling acc", "PGR [95% CI]", "gain [95% CI]", "error correction [95% CI]",
            "PGR median", "PGR mean", "SE", "gap (SE)", "flags"],
        report.Task.Pairs.Select(p => (IReadOnlyList<string>)
        [
            p.Weak, p.Strong, p.Loss, Numbers.Int(p.Seeds), Numbers.F3(p.WeakAcc), Numbers.F3(p.TransferAcc), Numbers.F3(p.CeilingAcc),
            PgrWithCi(p), Numbers.WithCi(p.Gain, p.Bootstrap?.Summary.GainCi), Numbers.WithCi(p.Bootstrap?.Summary.ErrorCorrection, p.Bootstrap?.Summary.ErrorCorrectionCi),
            Numbers.F3(p.Pgr.Median), Numbers.F3(p.Pgr.Mean), Numbers.F3(p.Pgr.StandardError), Numbers.F1(p.GapSe), p.Flagged ? "⚑ " + string.Join("; ", p.Flags) : "",
        ]).ToList());

    /// <summary>
    /// The pair's ratio-of-means PGR with its 95% paired bootstrap interval: "0.252 [0.111, 0.397]"; "0.000 [unbounded] (why)"
    /// when too many resamples had no gap, "n/a (why)" when the seed means have none; the value alone without per-item outcomes.
    /// </summary>
    public static string PgrWithCi(PairResult p) => p.Bootstrap?.Summary is { PgrCi: null, PgrCiNote: { } note }
        ? (p.PgrRatioOfMeans is { } v && double.IsFinite(v) ? $"{Numbers.F3(v)} [unbounded]" : "n/a") + $" ({note})"
        : Numbers.WithCi(p.PgrRatioOfMeans, p.Bootstrap?.Summary.PgrCi);

    static ReportTable Pooled(RunReport report) => new("Pooled median PGR per loss (unflagged pairs)",
        ["loss", "median PGR", "pairs pooled", "pairs left out"],
        report.Pooled.Select(p => (IReadOnlyList<string>)
            [p.Loss, Numbers.F3(p.Stats.Median), Numbers.Int(p.Included.Count), p.Excluded.Count == 0 ? "" : string.Join(", ", p.Excluded)]).ToList());

    static ReportTable Curves(RunReport report) => new("Fig. 7: test accuracy during transfer",
        ["weak", "strong", "loss", "step", "seeds", "mean acc", "SE", "point"],
        report.Curves.SelectMany(c => c.Points.Select((p, i) => (IReadOnlyList<string>)
        [
            c.Weak, c.Strong, c.Loss, Numbers.Int(p.Step), Numbers.Int(p.Accuracy.Count), Numbers.F3(p.Accuracy.Mean), Numbers.F3(p.Accuracy.StandardError),
            string.Join(", ", new[] { i == c.Best ? "best" : null, i == c.Final ? "final" : null }.OfType<string>()),
        ])).ToList());

    static ReportTable Chains(RunReport report) => new("Bootstrapping vs direct transfer (PGR)",
        ["chain", "loss", "seeds", "chain median", "chain mean", "SE", "direct median", "direct mean", "SE"],
        report.Task.Chains.Select(c => (IReadOnlyList<string>)
        [
            c.Name, c.Loss, Numbers.Int(c.Seeds), .. Stats(c.Bootstrap), .. Stats(c.Direct),
        ]).ToList());

    static string[] Stats(PgrStats s) => [Numbers.F3(s.Median), Numbers.F3(s.Mean), Numbers.F3(s.StandardError)];
}
