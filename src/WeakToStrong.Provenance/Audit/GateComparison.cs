using System.Globalization;
using System.Text.Json.Nodes;

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
    /// <summary>Gate names (manifest `gate`) → the summary's per-pair field (`bootstrap.acc` reads the per-chain rows instead).</summary>
    static readonly IReadOnlyDictionary<string, string> PairFields = new Dictionary<string, string>
    {
        ["pgr.median"] = "pgrMedian", ["pgr.mean"] = "pgrMean",
        ["weak.acc"] = "weakAcc", ["ceiling.acc"] = "ceilingAcc", ["transfer.acc"] = "transferAcc", ["agreement"] = "agreement",
    };

    public static IReadOnlyList<GateMetric> Compare(JsonObject? gate, JsonObject? recordedSummary, JsonObject? rerunSummary)
    {
        var list = new List<GateMetric>();
        if (gate is null) return list;
        var recorded = Values(gate, recordedSummary);
        var rerun = Values(gate, rerunSummary);
        foreach (var (metric, tolerance) in gate.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double? abs = (double?)tolerance?["abs"], rel = (double?)tolerance?["rel"];
            foreach (var label in recorded.Keys.Union(rerun.Keys).Where(k => k.StartsWith(metric + " ", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                list.Add(new GateMetric(label, recorded.GetValueOrDefault(label), rerun.GetValueOrDefault(label), abs, rel));
        }
        return list;
    }

    /// <summary>"metric weak->strong/loss" → value, and for pgr.median also the pooled per-loss median the paper plots.</summary>
    public static IReadOnlyDictionary<string, double?> Values(JsonObject gate, JsonObject? summary)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        if (summary is null) return values;
        foreach (var (metric, _) in gate)
        {
            if (metric == "bootstrap.acc")
                foreach (var chain in summary["bootstrap"]?.AsArray() ?? [])
                    values[$"{metric} {string.Join("->", chain!["chain"]!.AsArray().Select(m => (string)m!))}/{chain["loss"]}"] = Number(chain["bootstrapAcc"]);
            if (!PairFields.TryGetValue(metric, out var field)) continue;
            foreach (var pair in summary["pairs"]?.AsArray() ?? [])
                values[$"{metric} {pair!["weak"]}->{pair["strong"]}/{pair["loss"]}"] = Number(pair[field]);
            if (metric == "pgr.median" && summary["medianPgrByLoss"] is JsonObject pooled)
                foreach (var (loss, value) in pooled)
                    values[$"{metric} pooled/{loss}"] = Number(value);
        }
        return values;
    }

    static double? Number(JsonNode? node) => node is null ? null : double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
}
