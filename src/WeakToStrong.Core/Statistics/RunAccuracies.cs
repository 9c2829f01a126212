namespace WeakToStrong.Core.Statistics;

/// <summary>
/// Test accuracies of one (weak, strong, loss, seed) run: the weak supervisor, the strong ceiling, the student; and,
/// when measured, the student's agreement with its supervisor on the test inputs.
/// </summary>
public sealed record RunAccuracies(string Weak, string Strong, string Loss, int Seed, double WeakAcc, double CeilingAcc, double TransferAcc,
    double? Agreement = null);

/// <summary>One run's PGR; null with a reason when the run is excluded from medians (listed, never silently dropped).</summary>
public sealed record RunPgr(RunAccuracies Run, double? Pgr, string? ExcludedBecause);

/// <summary>Median and mean ± standard error over a set of PGR values.</summary>
/// <remarks>SE uses the sample standard deviation (n − 1); it is null for fewer than two values.</remarks>
public sealed record PgrStats(int Count, double? Median, double? Mean, double? StandardError)
{
    public static PgrStats Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return new PgrStats(0, null, null, null);
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        var mean = sorted.Sum() / n;
        double? se = n < 2 ? null : Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (n - 1)) / Math.Sqrt(n);
        return new PgrStats(n, median, mean, se);
    }
}

/// <summary>Per (weak, strong, loss) over seeds.</summary>
public sealed record PairPgr(string Weak, string Strong, string Loss, PgrStats Stats, IReadOnlyList<int> ExcludedSeeds);

/// <summary>Per loss, pooled over every valid (pair, seed) run: the reference's plotted median.</summary>
public sealed record LossPgr(string Loss, PgrStats Stats);

public sealed record PgrSummary(IReadOnlyList<RunPgr> Runs, IReadOnlyList<PairPgr> Pairs, IReadOnlyList<LossPgr> Losses)
{
    public IEnumerable<RunPgr> Excluded => Runs.Where(r => r.Pgr is null);
}
