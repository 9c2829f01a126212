using WeakToStrong.Core.Results;

namespace WeakToStrong.Runner.Application;

/// <summary>What `results` and `suite` print (the Markdown itself goes to the file): where it went, per task its run and flags, the pooled PGR, and each of the paper's findings in one word.</summary>
public static class ResultsText
{
    public static string Results(ResultsResult result)
    {
        var report = result.Report;
        var lines = new List<string>
        {
            $"results: {report.Tasks.Count} task(s) from {result.RecordsFound} record(s) -> {result.OutputPath ?? "(not written)"}",
        };
        int width = report.Tasks.Select(t => t.Name.Length).DefaultIfEmpty(0).Max();
        lines.AddRange(report.Tasks.Select(t =>
            $"  {t.Name.PadRight(width)}  {t.Record.RunKey[..Math.Min(12, t.Record.RunKey.Length)]}  {t.Pairs.Count} pair(s), {t.Pairs.Count(p => p.Flagged)} flagged"));
        if (report.Pooled.Count > 0)
            lines.Add("pooled median PGR (unflagged pairs): " +
                      string.Join("  ", report.Pooled.Select(p => $"{p.Loss} {Numbers.F3(p.Stats.Median)} ({p.Included.Count} of {p.Included.Count + p.Excluded.Count})")));
        if (report.Tasks.Count > 0)
        {
            var f = report.Findings;
            lines.Add($"findings: (a) naive PGR > 0 {f.Naive.Verdict.Word()}; (b) logconf gains more at large gaps {f.LossByGap.Verdict.Word()}; " +
                      $"(c) reward modelling lowest {f.Setting.Verdict.Word()}; (d) bootstrapping beats direct {f.Bootstrap.Verdict.Word()}");
        }
        return string.Concat(lines.Select(l => l + "\n"));
    }

    public static string Suite(SuiteResult result)
    {
        int n = result.Steps.Count, width = result.Steps.Select(s => s.Experiment.Length).DefaultIfEmpty(0).Max();
        var total = TimeSpan.FromTicks(result.Steps.Sum(s => s.Elapsed.Ticks));
        var lines = new List<string> { $"suite: {n} experiment(s), {result.Steps.Count(s => s.Succeeded)} finished, {result.Steps.Count(s => !s.Succeeded)} failed, {Wall(total)} wall" };
        lines.AddRange(result.Steps.Select((s, i) => $"  {i + 1}/{n} {s.Experiment.PadRight(width)}  {Wall(s.Elapsed),8}  " +
            (s.Succeeded ? $"run {s.RunKey}" : $"FAILED: {s.Error}")));
        return string.Concat(lines.Select(l => l + "\n")) + Results(result.Results);
    }

    /// <summary>"1:02:05" or "7:32": hours only when there are any.</summary>
    public static string Wall(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t:mm\\:ss}" : $"{(int)t.TotalMinutes}:{t:ss}";
}
