using System.Globalization;
using System.Text.Json.Nodes;
using System.Text;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Provenance.Audit;
using WeakToStrong.Provenance.Records;
using WeakToStrong.Runner.Auditing;

namespace WeakToStrong.Runner.Application;

/// <summary>
/// The text every verb prints, for both front-ends: plain text with LF line endings, ending in a newline, written
/// as is (the build host adds only its target header and summary around it).
/// </summary>
public static class TextRenderer
{
    /// <summary>
    /// The resolved manifest (as `--json` writes JSON), every value a scale or an override set with where it came from
    /// (in the order applied, so a later line wins), then one line per stage with its key prefix and inputs.
    /// </summary>
    public static string Plan(PlanResult result) =>
        JsonRenderer.Format(result.Resolved.Resolved) + Overrides(result.Resolved.Applied) + result.Plan.Render();

    static string Overrides(IReadOnlyList<Core.Resolution.AppliedOverride> applied) =>
        applied.Count == 0 ? ""
        : "Overrides, in the order applied:\n" + string.Concat(applied.Select(a => $"  {a.Path} = {Shorten(a.Value)}  ({a.Origin})\n"));

    static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "…";

    /// <summary>The PGR table, the report's folder, then `run &lt;key&gt;` and `record &lt;path&gt;` last (scripts read the key from that line).</summary>
    public static string Reproduce(ReproduceResult result) => result.Detached is { } d
        ? $"detached: {d.Jobs} slurm jobs queued ({d.Submitted} submitted now), plan {d.PlanFile}\nthe same reproduce command again waits for them and writes the record\n"
        : PgrTableText.Render(result) + ReportLine(result) + $"run {result.RunKey}\nrecord {result.RecordPath}\n";

    /// <summary>`stage run`'s closing line: which stage, its key, and whether it was computed or already in the store.</summary>
    public static string StageRun(Execution.ExecutedStage stage) =>
        $"stage {stage.Stage.Id} {stage.Stage.Key} {(stage.Cached ? "cached" : "computed")} in {stage.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s\n";

    static string ReportLine(ReproduceResult result) =>
        result.ReportDirectory is { } dir ? $"report {dir}\n" : result.ReportError is { } why ? $"report not written: {why}\n" : "";

    /// <summary>One line per run: experiment, key prefix, scale, finish time, the per-loss pooled median PGR; then, where the
    /// run's manifest gates metrics, one indented line per gated number as Audit --rerun holds it.</summary>
    public static string Runs(RunsResult result)
    {
        if (result.Runs.Count == 0)
            return result.Experiment is null
                ? $"No runs recorded under {result.RunsDirectory}.\n"
                : $"No runs of '{result.Experiment}' recorded under {result.RunsDirectory}.\n";
        return string.Concat(result.Runs.Select(r =>
            $"{r.Experiment,-20} {r.RunKey[..Math.Min(12, r.RunKey.Length)]}  {r.Scale ?? "-",-6} {r.FinishedAt ?? "-",-34} {Pgr(r.Summary)}{Reexecuted(r)}".TrimEnd() + "\n" +
            (r.Problem is { } problem ? $"    NOT TRUSTED, numbers not shown: {problem}\n" : "") +
            string.Concat(RunsGates.Values(r).Select(g => $"    gated {g.Key} {(g.Value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a")}\n"))));
    }

    /// <summary>The time shown is the first execution's; a run executed again (its stages from the store) says how often.</summary>
    static string Reexecuted(RunSummary r) => r.Reexecutions switch
    {
        0 => "",
        1 => "  (re-executed once)",
        int n => $"  (re-executed {n} times)",
    };

    /// <summary>Where docs/results.md went, each task's run and flag count, the pooled PGR (<see cref="ResultsText"/>).</summary>
    public static string Results(ResultsResult result) => ResultsText.Results(result);

    /// <summary>Each experiment's run key or failure, then what `results` printed.</summary>
    public static string Suite(SuiteResult result) => ResultsText.Suite(result);

    /// <summary>The run, the report folder and its files (<see cref="ReportText"/>).</summary>
    public static string Report(ReportResult result) => ReportText.Text(result);

    /// <summary>Two runs compared: manifest paths, stage keys, what would recompute, metric deltas (<see cref="DiffText"/>).</summary>
    public static string Diff(Results.RunDiff diff) => DiffText.Text(diff);

    /// <summary>The same as Markdown, for a pull request.</summary>
    public static string DiffMarkdown(Results.RunDiff diff) => DiffText.Markdown(diff);

    /// <summary>One line per artifact, stage or manifest path that is not as recorded, then the verdict.</summary>
    public static string Audit(AuditReport report) => report.ToText().ReplaceLineEndings("\n") + "\n";

    /// <summary>What was damaged, what was recomputed, and the audit after the repair.</summary>
    public static string Repair(RepairResult result)
    {
        var sb = new StringBuilder();
        sb.Append($"repair of run {result.Before.RunKey}: {(result.Before.Clean ? "nothing was damaged" : "damaged before the repair")}\n");
        foreach (var note in result.Quarantined)
            sb.Append($"  quarantined {note.What}: expected {note.Expected}, found {note.Actual} ({note.File})\n");
        sb.Append(result.Recomputed.Count == 0 ? "  recomputed: none\n" : $"  recomputed: {string.Join(", ", result.Recomputed)}\n");
        if (result.KeyChanged) sb.Append($"  the repaired run has another key: {result.RunKey} (a stage computed other bytes)\n");
        sb.Append("after the repair:\n").Append(Audit(result.After));
        return sb.ToString();
    }

    /// <summary>"xent 0.512 logconf 0.488": the per-loss pooled median PGR the paper plots.</summary>
    static string Pgr(EvaluateSummary? summary) =>
        summary is null ? "" : string.Join(' ', summary.MedianPgrByLoss.Select(p => $"{p.Key} {p.Value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"}"));
}
