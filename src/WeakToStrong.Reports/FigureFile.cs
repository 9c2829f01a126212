using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace WeakToStrong.Reports;

/// <summary>One figure's bytes: PNG, and SVG text made byte-stable.</summary>
public sealed record FigureFile(string Stem, byte[] Png, string Svg);

/// <summary>
/// Draws a ScottPlot plot to PNG and SVG at one fixed size. ScottPlot's PNG is byte-stable for the same plot
/// (measured: two renders in one process, and across processes). Its SVG is not: Skia's SVG canvas names clip paths
/// from a process-wide counter (cl_a, cl_b, … then whatever comes next), so the same plot drawn twice differs in
/// those ids. They are renumbered in order of appearance and prefixed with the figure's stem, which also keeps them
/// unique when several SVGs are inlined into one HTML page.
/// </summary>
public static partial class FigureRender
{
    public const int Width = 880, Height = 520;

    public static FigureFile Of(string stem, Plot plot, int width = Width, int height = Height)
    {
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        string svg = StableIds(plot.GetSvgXml(width, height), stem);
        return new FigureFile(stem, png, svg);
    }

    public static string StableIds(string svg, string stem)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Rename(string id) => ids.TryGetValue(id, out var n) ? n : ids[id] = $"{stem}-clip{ids.Count}";
        string text = ClipId().Replace(svg, m => m.Groups["pre"].Value + Rename(m.Groups["id"].Value));
        return text.ReplaceLineEndings("\n");
    }

    // id="cl_a" and url(#cl_a): the only ids Skia's SVG canvas writes for a plot.
    [GeneratedRegex(@"(?<pre>id=""|url\(#)(?<id>cl_[A-Za-z0-9_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();
}
