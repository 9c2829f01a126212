using System.Runtime.CompilerServices;

namespace WeakToStrong.Core.Statistics;

/// <summary>
/// One seed of a (weak, strong, loss) pair: per test item whether the weak model, the student and the ceiling got it
/// right. The three are paired (the same test items in the same order); another seed may have another test set.
/// </summary>
public sealed record SeedOutcomes
{
    public SeedOutcomes(IReadOnlyList<bool> weak, IReadOnlyList<bool> student, IReadOnlyList<bool> ceiling)
    {
        if (weak.Count != student.Count || weak.Count != ceiling.Count)
            throw new ArgumentException($"paired outcomes differ in length: weak {weak.Count}, student {student.Count}, ceiling {ceiling.Count}");
        if (weak.Count == 0) throw new ArgumentException("a seed needs at least one test item");
        Weak = weak;
        Student = student;
        Ceiling = ceiling;
    }

    public IReadOnlyList<bool> Weak { get; }
    public IReadOnlyList<bool> Student { get; }
    public IReadOnlyList<bool> Ceiling { get; }
    public int Count => Weak.Count;
}

/// <summary>A percentile interval [Lo, Hi].</summary>
public sealed record Interval(double Lo, double Hi);

/// <summary>
/// A pair's PGR with its uncertainty (docs/engine.md "What a stage reports"):
/// PGR as the ratio of mean accuracies over seeds, (mean t − mean w) / (mean c − mean w) (null when mean c ≤ mean w);
/// the gain mean t − mean w; their 95% percentile bootstrap intervals; and the error structure on the items the weak
/// model gets wrong (paper Fig. 8c), pooled over the seeds' items.
/// </summary>
/// <param name="PgrCi">Null with <paramref name="PgrCiNote"/> saying why: too many resamples without a gap, or no gap at all.</param>
/// <param name="WeakWrongAgreement">The student's agreement with the weak model on weak-wrong items: for a binary
/// decision agreeing there is being wrong too, so this is 1 − <paramref name="ErrorCorrection"/>. Null without weak-wrong items.</param>
/// <param name="ErrorCorrection">P(student right | weak wrong), pooled over every seed's weak-wrong items.</param>
/// <param name="WeakRightAccuracy">P(student right | weak right), pooled likewise.</param>
/// <param name="InvalidResamples">Resamples whose ceiling was not above the weak model (their PGR is undefined).</param>
public sealed record PairBootstrap(int Seeds, int Items, double WeakAcc, double StudentAcc, double CeilingAcc,
    double? Pgr, Interval? PgrCi, string? PgrCiNote, double Gain, Interval GainCi,
    double? WeakWrongAgreement, double? ErrorCorrection, Interval? ErrorCorrectionCi, double? WeakRightAccuracy, int InvalidResamples);

/// <summary>
/// Every resample of one pair, in resample order: what <see cref="PgrBootstrap"/> summarises, and what a difference or a
/// pooled number over pairs is bootstrapped from (<see cref="PgrBootstrap.Difference"/>, <see cref="PgrBootstrap.Mean"/>).
/// </summary>
/// <param name="Pgr">The resample's ratio-of-means PGR; NaN where its ceiling was not above its weak model.</param>
public sealed record PairResamples(PairBootstrap Summary, double[] Pgr, double[] Gain);

/// <summary>
/// The paired two-stage percentile bootstrap of a pair's PGR. Each of <see cref="Resamples"/> resamples draws the
/// pair's seeds with replacement, then within each drawn seed its test items with replacement, the same item indices
/// for the weak model, the student and the ceiling; the resample's accuracies are the means over the drawn seeds of
/// the drawn items' accuracies. The interval is the 2.5th and 97.5th percentiles (linear interpolation between order
/// statistics, R's type 7). A resample whose ceiling is not above its weak model has no PGR: it counts against the
/// interval on both sides (as −∞ for the lower bound, +∞ for the upper), and when more than 2.5% of resamples have
/// none the interval is unbounded and reported as null with the reason.
/// <para>
/// The random draws come from SplitMix64 started at <see cref="RandomSeed"/> for every call, and depend only on the
/// seed count and each seed's item count: the same outcomes give the same interval on any machine or runtime, and
/// two pairs over the same seeds and test items (xent and logconf of one weak → strong pair, a bootstrap chain and its
/// direct transfer) are resampled with the same draws, so the difference of their resamples is the paired bootstrap
/// of the difference (<see cref="Difference"/>).
/// </para>
/// </summary>
public static class PgrBootstrap
{
    public const int Resamples = 2000;
    public const double Level = 0.95;
    public const ulong RandomSeed = 0x5747_5332_3032_3325UL; // "WGS2023%", any fixed value

    /// <summary>Share of resamples without a gap beyond which the PGR interval is unbounded.</summary>
    public const double MaxInvalidShare = (1 - Level) / 2;

    public static PairBootstrap Of(IReadOnlyList<SeedOutcomes> seeds) => Resample(seeds).Summary;

    public static PairResamples Resample(IReadOnlyList<SeedOutcomes> seeds)
    {
        if (seeds.Count == 0) throw new ArgumentException("a pair needs at least one seed");
        int s = seeds.Count;
        // Per seed and item one code: bit 0 weak right, bit 1 student right, bit 2 ceiling right.
        var codes = new byte[s][];
        var total = new long[8];
        int items = 0;
        for (int k = 0; k < s; k++)
        {
            var seed = seeds[k];
            var c = codes[k] = new byte[seed.Count];
            for (int i = 0; i < c.Length; i++)
            {
                c[i] = (byte)((seed.Weak[i] ? 1 : 0) | (seed.Student[i] ? 2 : 0) | (seed.Ceiling[i] ? 4 : 0));
                total[c[i]]++;
            }
            items += c.Length;
        }

        // Point estimates: each seed's accuracy, then the mean over seeds (a seed counts once, whatever its size).
        var (w, t, ceil) = MeanAccuracies(codes, Enumerable.Range(0, s).ToArray(), null);
        double? pgr = ceil > w ? (t - w) / (ceil - w) : null;

        var pgrs = new double[Resamples];
        var gains = new double[Resamples];
        var corrections = new double[Resamples];
        var rng = new SplitMix64(RandomSeed);
        var drawn = new int[s];
        var counts = new int[s * 8];
        int invalid = 0;
        for (int b = 0; b < Resamples; b++)
        {
            Array.Clear(counts);
            for (int k = 0; k < s; k++) drawn[k] = rng.Below(s);
            for (int k = 0; k < s; k++) Draw(codes[drawn[k]], counts.AsSpan(k * 8, 8), ref rng);
            var (rw, rt, rc) = MeanAccuracies(codes, drawn, counts);
            gains[b] = rt - rw;
            if (rc > rw) pgrs[b] = (rt - rw) / (rc - rw);
            else { pgrs[b] = double.NaN; invalid++; }
            corrections[b] = ErrorCorrectionOf(counts);
        }

        var gainCi = Percentiles(gains)!;
        Interval? pgrCi = null;
        string? note = null;
        if (pgr is null)
            note = $"ceiling {ceil:0.####} <= weak {w:0.####}: no gap to recover";
        else if (invalid > MaxInvalidShare * Resamples)
            note = $"ceiling <= weak in {invalid} of {Resamples} resamples (> {MaxInvalidShare:0.#%}): the PGR is unbounded";
        else if ((pgrCi = Percentiles(pgrs)) is null)
            note = $"ceiling <= weak in {invalid} of {Resamples} resamples: the interval reaches an undefined PGR";

        long weakWrong = total[0] + total[2] + total[4] + total[6];
        long corrected = total[2] + total[6];
        long weakRight = items - weakWrong;
        long rightOnWeakRight = total[3] + total[7];
        double? errorCorrection = weakWrong > 0 ? (double)corrected / weakWrong : null;
        var summary = new PairBootstrap(s, items, w, t, ceil, pgr, pgrCi, note, t - w, gainCi,
            weakWrong > 0 ? (double)(weakWrong - corrected) / weakWrong : null, errorCorrection,
            errorCorrection is null ? null : Percentiles(corrections),
            weakRight > 0 ? (double)rightOnWeakRight / weakRight : null, invalid);
        return new PairResamples(summary, pgrs, gains);
    }

    /// <summary>Draws <c>codes.Length</c> items with replacement, counting their codes: two 32-bit draws per 64-bit random word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Draw(byte[] codes, Span<int> counts, ref SplitMix64 rng)
    {
        uint n = (uint)codes.Length;
        int j = 0;
        for (; j + 1 < codes.Length; j += 2)
        {
            ulong r = rng.Next();
            counts[codes[(int)(((r & 0xFFFF_FFFFUL) * n) >> 32)]]++;
            counts[codes[(int)(((r >> 32) * n) >> 32)]]++;
        }
        if (j < codes.Length) counts[codes[(int)(((rng.Next() & 0xFFFF_FFFFUL) * n) >> 32)]]++;
    }

    /// <summary>
    /// The percentile interval of <paramref name="values"/> (one per resample): NaN values (no PGR) count as −∞ for the
    /// lower bound and +∞ for the upper; null when more than <see cref="MaxInvalidShare"/> are NaN or a bound is not finite.
    /// </summary>
    public static Interval? Percentiles(IReadOnlyList<double> values)
    {
        var finite = new List<double>(values.Count);
        foreach (var v in values) if (!double.IsNaN(v)) finite.Add(v);
        int missing = values.Count - finite.Count;
        if (values.Count == 0 || missing > MaxInvalidShare * values.Count) return null;
        finite.Sort();
        double alpha = (1 - Level) / 2;
        double lo = Quantile(finite, missing, values.Count, alpha, missingLow: true);
        double hi = Quantile(finite, missing, values.Count, 1 - alpha, missingLow: false);
        return double.IsFinite(lo) && double.IsFinite(hi) ? new Interval(lo, hi) : null;
    }

    /// <summary>
    /// Per resample <paramref name="a"/> − <paramref name="b"/>, both resampled with the same draws (the same seeds and
    /// test items): the paired bootstrap of a difference. NaN where either is.
    /// </summary>
    public static double[] Difference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("resamples differ in count");
        var d = new double[a.Count];
        for (int i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /// <summary>Per resample the mean over several pairs' resamples (a pooled number); NaN where any pair's is.</summary>
    public static double[] Mean(IReadOnlyList<IReadOnlyList<double>> pairs)
    {
        if (pairs.Count == 0) throw new ArgumentException("nothing to pool");
        var m = new double[pairs[0].Count];
        foreach (var p in pairs)
        {
            if (p.Count != m.Length) throw new ArgumentException("resamples differ in count");
            for (int i = 0; i < m.Length; i++) m[i] += p[i];
        }
        for (int i = 0; i < m.Length; i++) m[i] /= pairs.Count;
        return m;
    }

    /// <summary>Type-7 quantile of the sorted finite values with <paramref name="missing"/> infinities below or above them.</summary>
    static double Quantile(List<double> finite, int missing, int n, double p, bool missingLow)
    {
        double h = (n - 1) * p;
        int i = (int)Math.Floor(h);
        double frac = h - i;
        double At(int k) => missingLow
            ? (k < missing ? double.NegativeInfinity : finite[k - missing])
            : (k < finite.Count ? finite[k] : double.PositiveInfinity);
        double x = At(i);
        if (frac == 0 || i + 1 >= n) return x;
        double y = At(i + 1);
        return x == y ? x : x + frac * (y - x);
    }

    /// <summary>Mean over the listed seeds of each seed's weak, student and ceiling accuracy; from the codes, or from resampled counts.</summary>
    static (double Weak, double Student, double Ceiling) MeanAccuracies(byte[][] codes, int[] seeds, int[]? counts)
    {
        double w = 0, t = 0, c = 0;
        Span<int> local = stackalloc int[8];
        for (int k = 0; k < seeds.Length; k++)
        {
            var seedCodes = codes[seeds[k]];
            if (counts is null)
            {
                local.Clear();
                foreach (var code in seedCodes) local[code]++;
            }
            else counts.AsSpan(k * 8, 8).CopyTo(local);
            double n = seedCodes.Length;
            w += (local[1] + local[3] + local[5] + local[7]) / n;
            t += (local[2] + local[3] + local[6] + local[7]) / n;
            c += (local[4] + local[5] + local[6] + local[7]) / n;
        }
        return (w / seeds.Length, t / seeds.Length, c / seeds.Length);
    }

    static double ErrorCorrectionOf(int[] counts)
    {
        long wrong = 0, corrected = 0;
        for (int o = 0; o < counts.Length; o += 8)
        {
            wrong += counts[o] + counts[o + 2] + counts[o + 4] + counts[o + 6];
            corrected += counts[o + 2] + counts[o + 6];
        }
        return wrong > 0 ? (double)corrected / wrong : double.NaN;
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): integer arithmetic only, so its stream is the same everywhere.</summary>
    struct SplitMix64(ulong state)
    {
        ulong state = state;

        public ulong Next()
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, n): the high word of a 64×64-bit product (Lemire), bias below n / 2⁶⁴. Items are drawn
        /// 32 bits at a time (<see cref="Draw"/>), bias below n / 2³², a millionth for 5,000 items.</summary>
        public int Below(int n) => (int)Math.BigMul(Next(), (ulong)n, out _);
    }
}
