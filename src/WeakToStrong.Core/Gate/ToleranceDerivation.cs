using System.Globalization;

namespace WeakToStrong.Core.Gate;

/// <summary>
/// One gated row's value in each of several disjoint seed groups: the gated statistic itself (a mean over the gate
/// scale's seeds, or the PGR of those means), drawn again once per group. Null where a group left it undefined.
/// </summary>
public sealed record RowSpread(string Metric, IReadOnlyList<double?> GroupValues)
{
    public string Family => new GateValue(Metric, null).Family;

    public string Subject => new GateValue(Metric, null).Subject;

    /// <summary>The sample SD over the groups; NaN when a group left the row undefined or fewer than two groups ran.</summary>
    public double Sd => GroupValues.Any(v => v is null) ? double.NaN : SampleSd(GroupValues.Select(v => v!.Value).ToList());

    public static double SampleSd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return double.NaN;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}

/// <summary>A family's derived per-row tolerances (subject → abs), its widest row, and how they were derived.</summary>
public sealed record DerivedTolerance(string Family, IReadOnlyDictionary<string, double> Rows, RowSpread Widest, string Derivation);

/// <summary>
/// The gate's tolerances from measurement (docs/gate.md "Deriving the tolerances"). A gate run draws its statistic
/// (each row's mean over the gate scale's seeds) once; an honest change that reorders floats draws it again, at worst
/// like a disjoint group of seeds. So each row's tolerance is <see cref="Factor"/> times the SD of that statistic over
/// disjoint seed groups, rounded up to the family's grid: the snapshot and a re-run are two draws, so their difference
/// has SD √2·σ, and 6·s ≈ 4.2·√2·s leaves a row a false-alarm probability of about 0.2 % with σ estimated from 10
/// groups (Student's t, 9 d.f.) and about 0.04 % from 20 (19 d.f.). Each row gets its own tolerance, not its family's widest.
/// </summary>
public static class ToleranceDerivation
{
    public const double Factor = 6.0;

    /// <summary>Tolerances are rounded up to these steps: accuracies to 0.001, PGR to 0.01.</summary>
    public static double Grid(string family) => family.StartsWith("pgr", StringComparison.Ordinal) ? 0.01 : 0.001;

    /// <summary>The tolerance of one row: <see cref="Factor"/>·sd rounded up to the grid, at least one grid step.</summary>
    public static double Of(string family, double sd)
    {
        double grid = Grid(family);
        return Math.Round(Math.Max(Math.Ceiling(Factor * sd / grid - 1e-9), 1) * grid, 6);
    }

    /// <summary>Per family, each row with a defined spread; rows undefined in some group get none (the gate then says so).</summary>
    public static IReadOnlyList<DerivedTolerance> Derive(IReadOnlyList<RowSpread> spreads, string provenance)
    {
        var result = new List<DerivedTolerance>();
        foreach (var family in GateFamilies.All)
        {
            var rows = spreads.Where(s => s.Family == family && !double.IsNaN(s.Sd)).ToList();
            if (rows.Count == 0) continue;
            var widest = rows.MaxBy(r => r.Sd)!;
            var tolerances = rows.ToDictionary(r => r.Subject, r => Of(family, r.Sd), StringComparer.Ordinal);
            string derivation = string.Create(CultureInfo.InvariantCulture,
                $"{Factor}·sd of each row's gated statistic over {widest.GroupValues.Count} disjoint seed groups, rounded up to {Grid(family)}; widest {widest.Metric}: sd {widest.Sd:F4} → {tolerances[widest.Subject]}; {provenance}");
            result.Add(new DerivedTolerance(family, tolerances, widest, derivation));
        }
        return result;
    }
}
