using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;

using WeakToStrong.Provenance.Records;

namespace WeakToStrong.Provenance.Audit;

/// <summary>Compares a re-executed run's hashed part with the record's: run keys, every stage output, the gated metrics.</summary>
public static class RerunCompare
{
    public static RerunComparison Compare(RunRecord recorded, RunRecord rerun, bool expectBitIdentical, string why)
    {
        var gate = recorded.Hashed["manifest"]?["gate"] as JsonObject;
        var metrics = GateComparison.Compare(gate, recorded.Summary, rerun.Summary);
        return new RerunComparison(expectBitIdentical, why, recorded.RunKey, rerun.RunKey, metrics, DifferingOutputs(recorded, rerun));
    }

    /// <summary>`stage:output (recorded …, rerun …)` for each output whose bytes differ, or that only one side has.</summary>
    public static IReadOnlyList<string> DifferingOutputs(RunRecord recorded, RunRecord rerun)
    {
        var a = Outputs(recorded);
        var b = Outputs(rerun);
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => $"{k} (recorded {a.GetValueOrDefault(k) ?? "absent"}, rerun {b.GetValueOrDefault(k) ?? "absent"})")
            .ToList();
    }

    static Dictionary<string, string> Outputs(RunRecord record) => record.Stages
        .SelectMany(s => s.Outputs.Select(o => KeyValuePair.Create($"{s.Id}:{o.Key}", o.Value.ToString()))).ToDictionary(StringComparer.Ordinal);
}
