using System.Globalization;

namespace WeakToStrong.Core.Gate;

/// <summary>
/// A gate-scale pair's weak–ceiling gap in standard errors. PGR divides by this gap, so below
/// <see cref="MinimumSigmas"/> SE the gated PGR is noise and the gate fails rather than gate it (docs/gate.md). The SE
/// treats the two accuracies as independent proportions over the same number of test items,
/// √(w(1−w)/n + c(1−c)/n): conservative, since both are measured on the same items.
/// </summary>
public sealed record GapCheck(string Weak, string Strong, double WeakAcc, double CeilingAcc, int TestItems)
{
    public const double MinimumSigmas = 5;

    public double Gap => CeilingAcc - WeakAcc;

    public double StandardError => Math.Sqrt((WeakAcc * (1 - WeakAcc) + CeilingAcc * (1 - CeilingAcc)) / TestItems);

    public double Sigmas => StandardError > 0 ? Gap / StandardError : Gap > 0 ? double.PositiveInfinity : 0;

    public bool Enough => Sigmas >= MinimumSigmas;

    public override string ToString() =>
        $"{Weak}->{Strong} gap {Gap.ToString("F3", CultureInfo.InvariantCulture)} = {Sigmas.ToString("F1", CultureInfo.InvariantCulture)} SE";

    /// <summary>One check per (weak, strong) pair whose PGR the snapshot gates, from its weak and ceiling accuracies: a
    /// pair gated on its accuracies and agreement alone divides by no gap.</summary>
    public static IReadOnlyList<GapCheck> Of(GateSnapshot s)
    {
        var acc = s.Metrics.Where(m => m.Value is not null).ToDictionary(m => m.Metric, m => m.Value!.Value, StringComparer.Ordinal);
        return s.Metrics.Where(m => m.Family.StartsWith("pgr", StringComparison.Ordinal))
            .Select(m => m.Metric.Split(' ', 2)[1].Split('/')[0].Split("->"))
            .Select(p => (Weak: p[0], Strong: p[1])).Distinct()
            .Where(p => acc.ContainsKey($"weak.acc {p.Weak}") && acc.ContainsKey($"ceiling.acc {p.Strong}"))
            .Select(p => new GapCheck(p.Weak, p.Strong, acc[$"weak.acc {p.Weak}"], acc[$"ceiling.acc {p.Strong}"], s.TestItems))
            .ToList();
    }
}
