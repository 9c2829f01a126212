using System.Text.Json;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;
using WeakToStrong.Core.Gate;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Provenance.Audit;

/// <summary>One gated metric of one (weak, strong, loss) row, recorded and re-run, with the tolerance it was held to.</summary>
public sealed record GateMetric(string Name, double? Recorded, double? Rerun, double? Abs, double? Rel)
{
    /// <summary>|rerun − recorded| ≤ abs + rel·|recorded| (numpy's isclose); two undefined values (a flagged PGR) agree.</summary>
    public bool Within =>
        Recorded is null || Rerun is null
            ? Recorded is null && Rerun is null
            : Math.Abs(Rerun.Value - Recorded.Value) <= (Abs ?? 0) + (Rel ?? 0) * Math.Abs(Recorded.Value);
}

/// <summary>
/// `Audit --rerun`: the re-executed run against its record. Bit-identity is expected only when the run happened
/// under the same thread count, device and CPU with the same code (docs/architecture.md §6, §9): then the run keys must
/// match. Otherwise only the gated metrics are held to the manifest's tolerances. <see cref="Why"/> says which and why.
/// </summary>
public sealed record RerunComparison(bool ExpectBitIdentical, string Why, string RecordedRunKey, string RerunRunKey,
    IReadOnlyList<GateMetric> Metrics, IReadOnlyList<string> DifferingOutputs)
{
    public bool Identical => RecordedRunKey == RerunRunKey;

    public bool Passed => (!ExpectBitIdentical || Identical) && Metrics.All(m => m.Within);
}

/// <summary>Reads the manifest's gated metrics out of two PGR summaries (`metrics.summary` of a record) and pairs them.</summary>
public static class GateComparison
{
    public static IReadOnlyList<GateMetric> Compare(JsonObject? gate, EvaluateSummary? recordedSummary, EvaluateSummary? rerunSummary)
    {
        var list = new List<GateMetric>();
        if (gate is null) return list;
        var recorded = Values(gate, recordedSummary);
        var rerun = Values(gate, rerunSummary);
        foreach (var (metric, tolerance) in gate.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var family = tolerance.Deserialize<GateTolerance>(ManifestJson.Options) ?? new GateTolerance();
            foreach (var label in recorded.Keys.Union(rerun.Keys).Where(k => k.StartsWith(metric + " ", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var row = family.For(label[(metric.Length + 1)..]);
                list.Add(new GateMetric(label, recorded.GetValueOrDefault(label), rerun.GetValueOrDefault(label), row.Abs, row.Rel));
            }
        }
        return list;
    }

    /// <summary>"metric weak->strong/loss" → value, and for pgr.median also the pooled per-loss median the paper plots.</summary>
    public static IReadOnlyDictionary<string, double?> Values(JsonObject gate, EvaluateSummary? summary)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        if (summary is null) return values;
        foreach (var (metric, _) in gate)
        {
            if (metric == GateFamilies.BootstrapAcc)
                foreach (var chain in summary.Bootstrap ?? [])
                    values[$"{metric} {chain.Name}"] = chain.BootstrapAcc;
            foreach (var pair in summary.Pairs)
                if (GateFamilies.PairValue(metric, pair) is { } value)
                    values[$"{metric} {pair.Name}"] = value.Of;
            if (metric == "pgr.median")
                foreach (var (loss, value) in summary.MedianPgrByLoss)
                    values[$"{metric} pooled/{loss}"] = value;
        }
        return values;
    }
}
