using System.Globalization;

namespace WeakToStrong.Core.Gate;

/// <summary>One gated metric's two measured spreads: over seeds at the gate scale, and over test items by bootstrap.</summary>
public sealed record MetricSpread(string Metric, IReadOnlyList<double> SeedValues, double BootstrapSd)
{
    public string Family => Metric.Split(' ', 2)[0];

    public double SeedSd => ItemBootstrap.Sd(SeedValues);

    /// <summary>√(sd_seed² + sd_boot²): the spread a re-run on other floats is held to, before the factor.</summary>
    public double Combined => Math.Sqrt(Sq(SeedSd) + Sq(BootstrapSd));

    static double Sq(double x) => double.IsNaN(x) ? 0 : x * x;
}

/// <summary>A family's derived tolerance and the row that set it.</summary>
public sealed record DerivedTolerance(string Family, double Abs, MetricSpread Widest, int Rows, string Derivation);

/// <summary>
/// The gate's tolerances from measurement (docs/gate.md "Deriving the tolerances"). Why this formula: a run on another
/// CPU or library version starts from the same split, initialisation and order, but its floats differ, and training
/// amplifies that into a different trajectory: at worst like another seed, which the seed spread bounds (each seed also
/// draws its own split, so it includes test-item noise); the bootstrap over the snapshot run's own test items keeps the
/// tolerance from collapsing when five seeds happen to agree. Each family's tolerance is
/// <see cref="Factor"/> · √(sd_seed² + sd_boot²), its widest row, rounded up to the family's grid.
/// </summary>
public static class ToleranceDerivation
{
    /// <summary>Three combined SDs: a re-run elsewhere stays inside with about 99.7 % probability per metric if it is a fresh draw.</summary>
    public const double Factor = 3.0;

    /// <summary>Tolerances are rounded up to these steps: accuracies to 0.001, PGR to 0.01.</summary>
    public static double Grid(string family) => family.StartsWith("pgr", StringComparison.Ordinal) ? 0.01 : 0.001;

    public static IReadOnlyList<DerivedTolerance> Derive(IReadOnlyList<MetricSpread> spreads, string provenance)
    {
        var result = new List<DerivedTolerance>();
        foreach (var family in GateFamilies.All)
        {
            var rows = spreads.Where(s => s.Family == family && !double.IsNaN(s.Combined)).ToList();
            if (rows.Count == 0) continue;
            var widest = rows.MaxBy(r => r.Combined)!;
            double grid = Grid(family);
            double abs = Math.Ceiling(Factor * widest.Combined / grid - 1e-9) * grid;
            abs = Math.Round(Math.Max(abs, grid), 6);
            string derivation = string.Create(CultureInfo.InvariantCulture,
                $"{Factor}·√(sd_seed² + sd_boot²) of the widest of {rows.Count} rows ({widest.Metric}: sd_seed {widest.SeedSd:F4} over {widest.SeedValues.Count} seeds, sd_boot {widest.BootstrapSd:F4}); {provenance}");
            result.Add(new DerivedTolerance(family, abs, widest, rows.Count, derivation));
        }
        return result;
    }
}
