using System.Globalization;
using System.Text.RegularExpressions;

namespace WeakToStrong.Core.Manifests;

/// <summary>
/// A bag-of-words model's hash-table size, written <c>h{bits}</c> (e.g. <c>h18</c>): word unigrams and bigrams are
/// hashed into 2^bits buckets, one weight per bucket (issue 25: a supervisor whose errors are lexical). The one parser
/// of such sizes, used by the validator, <see cref="ParameterCount"/> and the model code.
/// </summary>
public readonly partial record struct HashBits(int Bits)
{
    /// <summary>Smallest and largest bits a manifest may ask for: 1,024 to 16,777,216 buckets.</summary>
    public const int Min = 10, Max = 24;

    /// <summary>The size when the manifest gives none: h18, 262,144 buckets (a checkpoint of 2 MiB for a classifier).</summary>
    public const int Default = 18;

    /// <summary>2^bits.</summary>
    public long Buckets => 1L << Bits;

    /// <summary>Parses <c>h{bits}</c> with <see cref="Min"/> ≤ bits ≤ <see cref="Max"/>; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, out HashBits size, out string problem)
    {
        size = default;
        var m = text is null ? null : Pattern().Match(text);
        if (m is not { Success: true })
        {
            problem = $"expected h<bits> (2^bits hash buckets, bits {Min}–{Max}), e.g. \"h{Default}\"";
            return false;
        }
        var bits = int.TryParse(m.Groups["bits"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        size = new HashBits(bits);
        problem = bits is < Min or > Max ? $"bits must be {Min}–{Max} (1,024 to 16,777,216 buckets)" : "";
        return problem.Length == 0;
    }

    /// <summary>The bits a size names: <see cref="Default"/> when the size is absent.</summary>
    public static HashBits Of(string? text) =>
        text is null ? new HashBits(Default)
        : TryParse(text, out var size, out var problem) ? size
        : throw new ArgumentException($"size \"{text}\": {problem}", nameof(text));

    public override string ToString() => $"h{Bits}";

    [GeneratedRegex(@"^h(?<bits>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
