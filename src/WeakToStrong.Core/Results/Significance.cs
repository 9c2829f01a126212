namespace WeakToStrong.Core.Results;

/// <summary>
/// How far apart two test accuracies are in units of the binomial standard error SE = sqrt(p(1 − p) / n_test),
/// p the midpoint of the two accuracies and n_test one seed's test split. A PGR divides by ceiling − weak, so a
/// gap of a few SE makes it mostly noise; a weak model a few SE above chance supervises with little signal.
/// </summary>
/// <remarks>One seed's n is used even for seed means: conservative, and the same whatever the seed count.</remarks>
public static class Significance
{
    /// <summary>Pairs whose gap, or weak models whose margin over chance, is below this many SE are flagged.</summary>
    public const double Threshold = 5;

    /// <summary>Chance accuracy of a balanced binary decision (a class, or which of two responses is preferred).</summary>
    public const double Chance = 0.5;

    public static double StandardError(double p, int n) => Math.Sqrt(p * (1 - p) / n);

    /// <summary>
    /// Why a pair's PGR should not be read as a finding, as short reasons (empty when it may): the gap ceiling − weak
    /// under <see cref="Threshold"/> SE, the weak model under <see cref="Threshold"/> SE above chance, or a student that
    /// predicts one class for every test item on some seed (<paramref name="constantStudentSeeds"/>). Written as
    /// "not at least", so that an undefined distance (both accuracies 0 or 1) is flagged too.
    /// </summary>
    /// <param name="testSize">One seed's test size; null (not known) leaves the two SE flags out.</param>
    public static List<string> Flags(double weakAcc, double ceilingAcc, int? testSize, IEnumerable<int>? constantStudentSeeds = null)
    {
        var flags = new List<string>();
        if (testSize is { } n)
        {
            double gap = GapInSe(weakAcc, ceilingAcc, n), overChance = GapInSe(Chance, weakAcc, n);
            if (!(gap >= Threshold)) flags.Add($"gap {Numbers.F1(gap)} SE (< {Threshold:0})");
            if (!(overChance >= Threshold)) flags.Add($"weak {Numbers.F1(overChance)} SE from chance (< {Threshold:0})");
        }
        var constant = constantStudentSeeds?.ToList() ?? [];
        if (constant.Count > 0) flags.Add($"constant student ({string.Join(", ", constant.Select(s => $"s{Numbers.Int(s)}"))})");
        return flags;
    }

    /// <summary>A student whose share of test items predicted as class 1 is 0 or 1 predicts one class for everything.</summary>
    public static bool IsConstant(double? positiveRate) => positiveRate is 0 or 1;

    /// <summary>(upper − lower) / SE at p = (lower + upper) / 2; signed, so a ceiling below its weak model is negative.</summary>
    public static double GapInSe(double lower, double upper, int n)
    {
        double se = StandardError((lower + upper) / 2, n);
        return se > 0 ? (upper - lower) / se : double.NaN;
    }
}
