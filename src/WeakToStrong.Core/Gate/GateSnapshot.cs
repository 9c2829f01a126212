using System.Text.Json.Nodes;
using WeakToStrong.Core.Evaluate;

namespace WeakToStrong.Core.Gate;

/// <summary>One gated number: `family subject` (e.g. `transfer.acc w128->minilm/xent`) and its value (null: undefined, a flagged PGR).</summary>
public sealed record GateValue(string Metric, double? Value)
{
    /// <summary>The metric's family, the manifest `gate` key its tolerance is read from (`transfer.acc`).</summary>
    public string Family => Metric.Split(' ', 2)[0];

    /// <summary>What the row is about (`w64->minilm/xent`, or a model's name): the key of its own tolerance.</summary>
    public string Subject => Metric.Split(' ', 2) is [_, var subject] ? subject : "";
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

    /// <summary>The snapshot file's document (<see cref="SnapshotDocument"/>): the metric names as a list and their values by name.</summary>
    public SnapshotDocument ToDocument() => new(Experiment, Version, Scale, Seeds, TestItems, Run,
        [.. Metrics.Select(m => m.Metric)], Metrics.ToDictionary(m => m.Metric, m => m.Value, StringComparer.Ordinal));

    /// <summary>The document's JSON, as the file holds it (what Snapshooter compares).</summary>
    public JsonObject ToJson() => ToDocument().ToJson();

    public static GateSnapshot FromDocument(SnapshotDocument d) => new(d.Experiment, d.Version, d.Scale, d.Seeds, d.TestItems, d.Run,
        [.. d.Metrics.Select(name => new GateValue(name, d.Values[name]))]);
}
