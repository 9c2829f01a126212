using System.Globalization;
using System.Text;

namespace WeakToStrong.Provenance.Audit;

/// <summary>
/// The report as `dvc status` prints it: one line per thing that is not as recorded, prefixed by where it is
/// (`weak/weak/s0: modified: model (expected …, found …)`), then one verdict line. Intact stages are counted, not listed.
/// </summary>
public static class AuditText
{
    public static string Render(AuditReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"audit: run {r.RunKey} ({r.Experiment}), record {r.RecordPath}");
        if (r.History is { } history) sb.AppendLine($"history: {history}");
        if (r.IntegrityProblem is { } integrity) sb.AppendLine($"record: {integrity}");
        foreach (var m in r.Metrics)
            sb.AppendLine($"{m.Where}: metric differs from {m.Source}: {m.Field} (recorded {m.Recorded ?? "absent"}, stored {m.Stored ?? "absent"})");
        foreach (var u in r.MetricsUnchecked) sb.AppendLine($"{u.Stage}: metrics not checked: {u.Why}");
        foreach (var stage in r.Stages)
        {
            if (stage.IsNew)
            {
                string replaces = stage.ReplacesKey is null ? "" : $", recorded key {stage.ReplacesKey}";
                sb.AppendLine($"{stage.Id}: new (key {stage.Key}{replaces})");
                continue;
            }
            foreach (var a in stage.Artifacts.Where(a => a.Status != AuditStatus.Ok))
                sb.AppendLine(a.Status == AuditStatus.Missing
                    ? $"{stage.Id}: missing: {a.Name} (expected {a.Expected})"
                    : $"{stage.Id}: modified: {a.Name} (expected {a.Expected}, found {a.Found})");
        }
        if (r.ManifestProblem is { } problem) sb.AppendLine($"manifest: cannot resolve now: {problem}");
        else if (!r.ManifestCompared) sb.AppendLine("manifest: not compared");
        else if (r.Manifest is { } m)
        {
            sb.AppendLine($"manifest: changed (recorded {m.RecordedHash}, current {m.CurrentHash})");
            foreach (var p in m.Paths) sb.AppendLine($"manifest: changed: {p.Path} (recorded {p.Recorded ?? "absent"}, current {p.Current ?? "absent"})");
        }
        if (!r.CodeCompared) sb.AppendLine("code: not compared");
        foreach (var c in r.Code) sb.AppendLine($"code: changed: {c.Path} (recorded {c.Recorded ?? "absent"}, current {c.Current ?? "absent"})");
        if (r.Rerun is { } rerun) AppendRerun(sb, rerun);

        var recorded = r.Stages.Where(s => !s.IsNew).ToList();
        int artifacts = recorded.Sum(s => s.Artifacts.Count);
        int okArtifacts = recorded.Sum(s => s.Artifacts.Count(a => a.Status == AuditStatus.Ok));
        sb.Append(r.Clean
            ? $"clean: {recorded.Count} stages, {artifacts} artifacts as recorded, every metric as stored"
            : $"NOT clean: {okArtifacts} of {artifacts} artifacts as recorded, {recorded.Count(s => s.Status == AuditStatus.Ok)} of {recorded.Count} stages ok"
              + (r.Metrics.Count > 0 ? $", {Count(r.Metrics.Count, "metric differs", "metrics differ")} from the store" : "")
              + (r.MetricsUnchecked.Count > 0 ? $", {Count(r.MetricsUnchecked.Count, "stage's", "stages'")} metrics not checked" : ""));
        return sb.ToString();
    }

    static void AppendRerun(StringBuilder sb, RerunComparison rerun)
    {
        sb.AppendLine($"rerun: {(rerun.ExpectBitIdentical ? "bit-identical expected" : "within tolerance only")} ({rerun.Why})");
        sb.AppendLine(rerun.Identical
            ? $"rerun: run key {rerun.RerunRunKey} identical to the record"
            : $"rerun: run key {rerun.RerunRunKey} differs from the record's {rerun.RecordedRunKey}");
        foreach (var output in rerun.DifferingOutputs) sb.AppendLine($"rerun: differs: {output}");
        foreach (var m in rerun.Metrics)
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"rerun: {(m.Within ? "ok" : "out of tolerance")}: {m.Name} recorded {F(m.Recorded)}, rerun {F(m.Rerun)} (abs {F(m.Abs)}, rel {F(m.Rel)})"));
        if (rerun.Metrics.Count == 0) sb.AppendLine("rerun: the manifest gates no metric");
    }

    static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    static string F(double? x) => x is null ? "n/a" : x.Value.ToString("0.####", CultureInfo.InvariantCulture);
}
