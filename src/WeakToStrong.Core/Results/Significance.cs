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

    /// <summary>(upper − lower) / SE at p = (lower + upper) / 2; signed, so a ceiling below its weak model is negative.</summary>
    public static double GapInSe(double lower, double upper, int n)
    {
        double se = StandardError((lower + upper) / 2, n);
        return se > 0 ? (upper - lower) / se : double.NaN;
    }
}
