using System.Globalization;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Gate;

/// <summary>One gated metric: the committed snapshot's value, this run's, and the tolerance it is held to.</summary>
public sealed record GateRow(string Metric, double? Snapshot, double? Current, double? Abs, double? Rel)
{
    /// <summary>|current − snapshot| ≤ abs + rel·|snapshot| (numpy's isclose); two undefined values (flagged PGRs) agree.</summary>
    public bool Within =>
        Snapshot is null || Current is null
            ? Snapshot is null && Current is null
            : Math.Abs(Current.Value - Snapshot.Value) <= (Abs ?? 0) + (Rel ?? 0) * Math.Abs(Snapshot.Value) + 1e-12;

    public double? Tolerance => Snapshot is null ? Abs : (Abs ?? 0) + (Rel ?? 0) * Math.Abs(Snapshot.Value);
}

/// <summary>The gate's verdict on one experiment: every metric row, and what stops the comparison being meaningful.</summary>
public sealed record GateVerdict(string Experiment, string RunKey, IReadOnlyList<GateRow> Rows, IReadOnlyList<GapCheck> Gaps,
    IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && Rows.All(r => r.Within) && Gaps.All(g => g.Enough);

    /// <summary>
    /// One line per failure, each naming experiment, metric, snapshot value, new value, tolerance and the run to audit
    /// (docs/gate.md "When the gate fails").
    /// </summary>
    public IEnumerable<string> Failures()
    {
        string audit = $"audit: w2s audit --run {Short(RunKey)}";
        foreach (var p in Problems) yield return $"gate: {Experiment}: {p}";
        foreach (var g in Gaps.Where(g => !g.Enough))
            yield return $"gate: {Experiment}: the weak-ceiling gap {g.Weak}->{g.Strong} is {F(g.Gap)} = {g.Sigmas.ToString("F1", CultureInfo.InvariantCulture)} SE " +
                         $"(< {GapCheck.MinimumSigmas} SE over {g.TestItems} test items): the gate would be gating noise; {audit}";
        foreach (var r in Rows.Where(r => !r.Within))
            yield return $"gate: {Experiment} {r.Metric} moved: snapshot {F(r.Snapshot)}, now {F(r.Current)}" +
                         (r.Snapshot is { } s && r.Current is { } c ? $" (Δ {(c - s).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)})" : "") +
                         $", tolerance ±{F(r.Tolerance)}; {audit}";
    }

    static string Short(string key) => key.Length > 12 ? key[..12] : key;

    internal static string F(double? v) => v is null ? "undefined" : v.Value.ToString("F4", CultureInfo.InvariantCulture);
}

/// <summary>Compares a run's gated metrics with the committed snapshot under the manifest's `gate` tolerances.</summary>
public static class GateCheck
{
    public static GateVerdict Compare(GateSnapshot? committed, GateSnapshot current, IReadOnlyDictionary<string, GateTolerance> tolerances)
    {
        var problems = new List<string>();
        var gaps = GapCheck.Of(current);
        if (committed is null)
        {
            problems.Add("no committed snapshot (experiments/__snapshots__/" + current.Experiment + ".snap); create it with `./build.sh AcceptSnapshots` or `w2s gate --accept`");
            return new GateVerdict(current.Experiment, current.Run, [], gaps, problems);
        }
        if (committed.Version != current.Version)
            problems.Add($"the snapshot is of version {committed.Version}, the manifest is {current.Version}: a new version expects new results, accept them");
        if (committed.Scale != current.Scale || !committed.Seeds.SequenceEqual(current.Seeds) || committed.TestItems != current.TestItems)
            problems.Add($"the snapshot is of scale {committed.Scale}, seeds [{string.Join(",", committed.Seeds)}], {committed.TestItems} test items; " +
                         $"this run is {current.Scale}, [{string.Join(",", current.Seeds)}], {current.TestItems}");

        var rows = new List<GateRow>();
        var now = current.Metrics.ToDictionary(m => m.Metric, StringComparer.Ordinal);
        foreach (var m in committed.Metrics)
        {
            if (!now.Remove(m.Metric, out var c))
            {
                problems.Add($"{m.Metric} is in the snapshot but this run does not report it");
                continue;
            }
            var t = tolerances.GetValueOrDefault(m.Family)?.For(m.Subject);
            if (t is null) problems.Add($"{m.Metric} has no tolerance: the manifest's gate has no '{m.Family}'");
            else if (t.Abs is null && t.Rel is null) problems.Add($"{m.Metric} has no tolerance: the manifest's gate.{m.Family} has no 'abs' and no row '{m.Subject}'");
            rows.Add(new GateRow(m.Metric, m.Value, c.Value, t?.Abs, t?.Rel));
        }
        foreach (var extra in now.Keys.Order(StringComparer.Ordinal))
            problems.Add($"{extra} is new (not in the snapshot): accept a new snapshot if it is intended");
        return new GateVerdict(current.Experiment, current.Run, rows, gaps, problems);
    }
}
