namespace WeakToStrong.Core.Gate;

/// <summary>Per test item, for one (weak, strong, loss) run: which of its three models answered right, and whether the student agreed with its supervisor.</summary>
public sealed record PairItems(string Weak, string Strong, string Loss, bool[] WeakCorrect, bool[] CeilingCorrect, bool[] TransferCorrect, bool[] Agrees);

/// <summary>The bootstrap standard deviation of each gated metric of one pair (NaN where no resample defines it).</summary>
public sealed record PairSpread(string Weak, string Strong, string Loss, double WeakAcc, double CeilingAcc, double TransferAcc, double Agreement,
    double Pgr, int PgrUndefined);

/// <summary>
/// Resamples a run's test items with replacement (Efron's bootstrap) and recomputes every gated metric on each resample,
/// the same items for all three models, so that PGR's spread keeps the correlation between weak, student and ceiling
/// (docs/gate.md "Deriving the tolerances"). Seeded: the same items give the same spreads.
/// </summary>
public static class ItemBootstrap
{
    public static PairSpread Spread(PairItems p, int resamples, int seed)
    {
        int n = p.WeakCorrect.Length;
        if (new[] { p.CeilingCorrect.Length, p.TransferCorrect.Length, p.Agrees.Length }.Any(l => l != n) || n == 0)
            throw new ArgumentException($"{p.Weak}->{p.Strong}/{p.Loss}: the per-item vectors differ in length or are empty");
        var rng = new Random(seed);
        var w = new double[resamples]; var c = new double[resamples]; var t = new double[resamples]; var a = new double[resamples];
        var pgr = new List<double>(resamples);
        for (int b = 0; b < resamples; b++)
        {
            int sw = 0, sc = 0, st = 0, sa = 0;
            for (int k = 0; k < n; k++)
            {
                int i = rng.Next(n);
                if (p.WeakCorrect[i]) sw++;
                if (p.CeilingCorrect[i]) sc++;
                if (p.TransferCorrect[i]) st++;
                if (p.Agrees[i]) sa++;
            }
            (w[b], c[b], t[b], a[b]) = ((double)sw / n, (double)sc / n, (double)st / n, (double)sa / n);
            if (c[b] > w[b]) pgr.Add((t[b] - w[b]) / (c[b] - w[b]));
        }
        return new PairSpread(p.Weak, p.Strong, p.Loss, Sd(w), Sd(c), Sd(t), Sd(a), Sd(pgr), resamples - pgr.Count);
    }

    /// <summary>Sample standard deviation (n − 1); NaN below two values.</summary>
    public static double Sd(IReadOnlyList<double> xs)
    {
        if (xs.Count < 2) return double.NaN;
        double mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1));
    }
}
