using System.Globalization;
using System.Text.RegularExpressions;

namespace WeakToStrong.Core.Manifests;

/// <summary>
/// A noisy-truth supervisor's size, written <c>flip{f}</c> with a decimal fraction 0 &lt; f &lt; 0.5 (e.g. <c>flip0.25</c>):
/// its labels are ground truth with round(f·n) of a split's n items flipped, so they are 1 − round(f·n)/n accurate
/// (issue 25: the easy-to-correct control supervisor, the paper's App. E noise). The one parser of such sizes, used by
/// the validator and the family's code.
/// </summary>
public readonly partial record struct FlipFraction(double Fraction)
{
    /// <summary>The form a size takes, for messages.</summary>
    public const string Form = "flip<f> with a decimal fraction 0 < f < 0.5 of labels flipped, e.g. \"flip0.25\"";

    /// <summary>Parses <c>flip0.ddd</c> (a leading "0." and at least one digit); on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, out FlipFraction size, out string problem)
    {
        size = default;
        var m = text is null ? null : Pattern().Match(text);
        if (m is not { Success: true })
        {
            problem = $"expected {Form}";
            return false;
        }
        var f = double.Parse(m.Groups["f"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        size = new FlipFraction(f);
        problem = f is > 0 and < 0.5 ? "" : "the flipped fraction must be above 0 and below 0.5 (at 0.5 the labels carry no signal; above it they are anti-correlated)";
        return problem.Length == 0;
    }

    /// <summary>The fraction a size names; throws for a size the validator would refuse (noisy-truth has no default).</summary>
    public static FlipFraction Of(string? text) =>
        TryParse(text, out var size, out var problem) ? size
        : throw new ArgumentException($"size {(text is null ? "none" : $"\"{text}\"")}: {problem}", nameof(text));

    /// <summary>How many of <paramref name="count"/> items are flipped: round(f·n), halves away from zero.</summary>
    public int FlippedOf(int count) => (int)Math.Round(Fraction * count, MidpointRounding.AwayFromZero);

    public override string ToString() => "flip" + Fraction.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^flip(?<f>0\.[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
