using System.Globalization;
using System.Text.RegularExpressions;

namespace WeakToStrong.Core.Manifests;

/// <summary>
/// A GPT-2 shape written <c>w{width}-l{layers}-h{heads}</c> (e.g. w64-l2-h2): the one parser of sizes, used by the
/// validator (so a size that parses here is one the model code builds) and by the model factory.
/// </summary>
public readonly partial record struct ModelSize(int Width, int Layers, int Heads)
{
    /// <summary>Beyond these a CPU run is hopeless and the numbers are typos (gpt2-xl is w1600-l48-h25).</summary>
    public const int MaxWidth = 8192, MaxLayers = 128;

    /// <summary>Parses a size; on failure <paramref name="problem"/> says why, in words for a diagnostic.</summary>
    public static bool TryParse(string? text, out ModelSize size, out string problem)
    {
        size = default;
        var m = text is null ? null : Pattern().Match(text);
        if (m is not { Success: true })
        {
            problem = "expected w<width>-l<layers>-h<heads>, e.g. \"w64-l2-h2\"";
            return false;
        }
        static int Number(Group g) => int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
        size = new ModelSize(Number(m.Groups["w"]), Number(m.Groups["l"]), Number(m.Groups["h"]));
        problem = size switch
        {
            { Width: < 1 or > MaxWidth } => $"width must be 1–{MaxWidth}",
            { Layers: < 1 or > MaxLayers } => $"layers must be 1–{MaxLayers}",
            { Heads: < 1 } => "heads must be at least 1",
            var s when s.Width % s.Heads != 0 => $"width {s.Width} must be a multiple of the head count {s.Heads}",
            _ => "",
        };
        return problem.Length == 0;
    }

    /// <summary>A size as a shape: one of <paramref name="presets"/> by its name (a family row's), else a local size.</summary>
    public static bool TryResolve(string? text, IReadOnlyDictionary<string, ModelSize> presets, out ModelSize size, out string problem)
    {
        problem = "";
        return text is not null && presets.TryGetValue(text, out size) || TryParse(text, out size, out problem);
    }

    /// <summary>Whether <paramref name="text"/> is written as a local size at all (it may still be out of range).</summary>
    public static bool LooksLike(string? text) => text is not null && Pattern().IsMatch(text);

    public override string ToString() => $"w{Width}-l{Layers}-h{Heads}";

    [GeneratedRegex(@"^w(?<w>\d+)-l(?<l>\d+)-h(?<h>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
