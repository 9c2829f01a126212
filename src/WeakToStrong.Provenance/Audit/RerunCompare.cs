using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;

namespace WeakToStrong.Provenance.Audit;

/// <summary>Compares a re-executed run's hashed part with the record's: run keys, every stage output, the gated metrics.</summary>
public static class RerunCompare
{
    public static RerunComparison Compare(JsonObject recorded, JsonObject rerun, bool expectBitIdentical, string why)
    {
        var gate = recorded["manifest"]?["gate"] as JsonObject;
        var metrics = GateComparison.Compare(gate,
            recorded["metrics"]?["summary"] as JsonObject, rerun["metrics"]?["summary"] as JsonObject);
        return new RerunComparison(expectBitIdentical, why, ContentKey.Of(recorded), ContentKey.Of(rerun), metrics, DifferingOutputs(recorded, rerun));
    }

    /// <summary>`stage:output (recorded …, rerun …)` for each output whose bytes differ, or that only one side has.</summary>
    public static IReadOnlyList<string> DifferingOutputs(JsonObject recorded, JsonObject rerun)
    {
        var a = Outputs(recorded);
        var b = Outputs(rerun);
        return a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => $"{k} (recorded {a.GetValueOrDefault(k) ?? "absent"}, rerun {b.GetValueOrDefault(k) ?? "absent"})")
            .ToList();
    }

    static Dictionary<string, string> Outputs(JsonObject hashed) =>
        (hashed["stages"]?.AsArray() ?? []).SelectMany(s => (s!["outputs"]?.AsObject() ?? [])
            .Select(o => KeyValuePair.Create($"{s["id"]}:{o.Key}", (string)o.Value!))).ToDictionary(StringComparer.Ordinal);
}
