using System.Globalization;
using System.Text.RegularExpressions;

namespace WeakToStrong.Core.Manifests;

/// <summary>
/// A pretrained encoder cut to its first <see cref="Count"/> layers, written <c>l{k}</c> (e.g. <c>l2</c>): the weak
/// members of a packaged family (issue 15 asks for MiniLM truncated to k layers, fine-tuned end to end, as real
/// pretrained sizes below the whole model). The one parser of such sizes, used by the validator and the model code.
/// </summary>
public readonly partial record struct FirstLayers(int Count)
{
    /// <summary>Parses <c>l{k}</c> with 1 ≤ k ≤ <paramref name="available"/>; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, int available, out FirstLayers size, out string problem)
    {
        size = default;
        var m = text is null ? null : Pattern().Match(text);
        if (m is not { Success: true })
        {
            problem = $"expected l<layers> (the first 1–{available} of its {available} layers), e.g. \"l2\"";
            return false;
        }
        var k = int.TryParse(m.Groups["k"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        size = new FirstLayers(k);
        problem = k is < 1 || k > available ? $"layers must be 1–{available}" : "";
        return problem.Length == 0;
    }

    /// <summary>The layer count a size names: all <paramref name="available"/> when the size is absent.</summary>
    public static int Of(string? text, int available) =>
        text is null ? available
        : TryParse(text, available, out var size, out var problem) ? size.Count
        : throw new ArgumentException($"size \"{text}\": {problem}", nameof(text));

    public override string ToString() => $"l{Count}";

    [GeneratedRegex(@"^l(?<k>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
