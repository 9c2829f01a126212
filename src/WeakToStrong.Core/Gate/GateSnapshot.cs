using System.Globalization;
using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;

namespace WeakToStrong.Core.Gate;

/// <summary>One gated number: `family subject` (e.g. `transfer.acc w128->minilm/xent`) and its value (null: undefined, a flagged PGR).</summary>
public sealed record GateValue(string Metric, double? Value)
{
    /// <summary>The metric's family, the manifest `gate` key its tolerance is read from (`transfer.acc`).</summary>
    public string Family => Metric.Split(' ', 2)[0];
}

/// <summary>
/// What the PR gate snapshots of one experiment's gate-scale run (docs/gate.md): which experiment, version, scale and
/// seeds it is, how many test items each accuracy is over, the run it came from, and the gated metrics in a fixed order.
/// The snapshot file (`experiments/__snapshots__/&lt;id&gt;.snap`) is this record as JSON; Snapshooter compares everything
/// but the values exactly, and <see cref="GateCheck"/> holds the values to the manifest's tolerances.
/// </summary>
public sealed record GateSnapshot(string Experiment, string Version, string Scale, IReadOnlyList<int> Seeds, int TestItems,
    string Run, IReadOnlyList<GateValue> Metrics)
{
    /// <summary>
    /// The gated metrics of a record (its `hashed` object): weak accuracy once per weak model, ceiling accuracy once per
    /// strong model, and per (pair, loss) the student's accuracy, its agreement with its supervisor and the PGR.
    /// </summary>
    public static GateSnapshot FromRecord(JsonObject hashed, string runKey, IEnumerable<string> families)
    {
        var wanted = families.ToHashSet(StringComparer.Ordinal);
        var manifest = hashed["manifest"]!.AsObject();
        var summary = hashed["metrics"]?["summary"] is null
            ? throw new InvalidDataException("the record has no metrics summary")
            : EvaluateJson.Summary(hashed["metrics"]!["summary"], $"run {runKey[..Math.Min(12, runKey.Length)]}");
        var values = new List<GateValue>();
        void Add(string family, string subject, double? value)
        {
            if (wanted.Contains(family) && values.All(v => v.Metric != $"{family} {subject}"))
                values.Add(new GateValue($"{family} {subject}", value));
        }
        foreach (var family in GateFamilies.All)
        {
            foreach (var p in summary.Pairs)
                if (GateFamilies.PairValue(family, p) is { } value)
                    Add(family, family switch { "weak.acc" => p.Weak, "ceiling.acc" => p.Strong, _ => p.Name }, value.Of);
            if (family == GateFamilies.BootstrapAcc)
                foreach (var chain in summary.Bootstrap ?? [])
                    Add(family, chain.Name, chain.BootstrapAcc);
        }
        return new GateSnapshot(
            Experiment: (string)manifest["id"]!, Version: (string)manifest["version"]!, Scale: (string?)hashed["scale"] ?? "",
            Seeds: manifest["seeds"]!.AsArray().Select(s => (int)s!).ToList(),
            TestItems: (int)manifest["data"]!["split"]!["test"]!, Run: runKey, Metrics: values);
    }

    /// <summary>
    /// The file's JSON: the metric names as a list (compared exactly, in order) and their values in an object keyed by
    /// name (left to the tolerances), so that Snapshooter can ignore the values as one field.
    /// </summary>
    public JsonObject ToJson()
    {
        var values = new JsonObject();
        foreach (var m in Metrics) values[m.Metric] = m.Value;
        return new JsonObject
        {
            ["experiment"] = Experiment, ["version"] = Version, ["scale"] = Scale,
            ["seeds"] = new JsonArray(Seeds.Select(s => (JsonNode)s).ToArray()), ["testItems"] = TestItems, ["run"] = Run,
            ["metrics"] = new JsonArray(Metrics.Select(m => (JsonNode)m.Metric).ToArray()),
            ["values"] = values,
        };
    }

    public static GateSnapshot FromJson(JsonObject o)
    {
        var values = o["values"]!.AsObject();
        return new GateSnapshot(
            (string)o["experiment"]!, (string)o["version"]!, (string)o["scale"]!, o["seeds"]!.AsArray().Select(s => (int)s!).ToList(),
            (int)o["testItems"]!, (string?)o["run"] ?? "",
            o["metrics"]!.AsArray().Select(m => (string)m!).Select(name => new GateValue(name,
                values.TryGetPropertyValue(name, out var v) ? Number(v) : throw new FormatException($"metric '{name}' has no value"))).ToList());
    }

    static double? Number(JsonNode? node) =>
        node is null ? null : double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
