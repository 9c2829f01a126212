using System.Globalization;

namespace WeakToStrong.Core.Results;

/// <summary>How the report writes numbers: invariant culture, fixed decimals, "n/a" for a value not measured.</summary>
public static class Numbers
{
    public static string F3(double? value) => Format(value, "0.000");

    public static string F1(double? value) => Format(value, "0.0");

    /// <summary>With a sign, for differences: "+0.120", "−" written as ASCII "-".</summary>
    public static string Signed(double? value) => value is { } v && double.IsFinite(v) ? (v >= 0 ? "+" : "") + F3(v) : "n/a";

    /// <summary>"0.467 [0.412, 0.805]"; the value alone without an interval; "n/a" without a value.</summary>
    public static string WithCi(double? value, Statistics.Interval? ci, bool signed = false) =>
        value is null || !double.IsFinite(value.Value) ? "n/a"
        : ci is null ? (signed ? Signed(value) : F3(value))
        : signed ? $"{Signed(value)} [{Signed(ci.Lo)}, {Signed(ci.Hi)}]" : $"{F3(value)} [{F3(ci.Lo)}, {F3(ci.Hi)}]";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Format(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? Clean(v.ToString(format, CultureInfo.InvariantCulture)) : "n/a";

    /// <summary>"-0.000" reads as a sign that is not there.</summary>
    static string Clean(string text) => text.TrimStart('-').All(c => c is '0' or '.') ? text.TrimStart('-') : text;
}
