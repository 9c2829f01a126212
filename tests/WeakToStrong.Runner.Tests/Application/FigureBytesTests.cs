using ScottPlot;
using WeakToStrong.Reports;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>
/// What ScottPlot 5.1.59 (SkiaSharp 3.119.0) gives for the same plot drawn twice in one process, measured: the PNG
/// bytes are equal; the SVG text is not (clip-path ids come from a process-wide counter) until
/// <see cref="FigureRender.StableIds"/> renumbers them.
/// </summary>
public sealed class FigureBytesTests
{
    static Plot Sample()
    {
        FigureFont.Ensure();
        var plot = new Plot();
        plot.Font.Set(FigureFont.Family);
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 0.5, 0.7, 0.6 });
        plot.Title("same plot");
        return plot;
    }

    [Fact]
    public void The_same_plot_gives_the_same_png_bytes_twice_in_one_process()
    {
        var a = Sample().GetImageBytes(400, 300, ImageFormat.Png);
        var b = Sample().GetImageBytes(400, 300, ImageFormat.Png);

        Assert.True(a.AsSpan().SequenceEqual(b));
    }

    [Fact]
    public void Raw_svg_differs_in_its_clip_ids_and_stable_ids_makes_it_byte_identical()
    {
        string a = Sample().GetSvgXml(400, 300), b = Sample().GetSvgXml(400, 300);

        Assert.NotEqual(a, b); // the finding FigureRender works around; if ScottPlot fixes it, this line says so
        Assert.Contains("cl_", a);
        string sa = FigureRender.StableIds(a, "fig"), sb = FigureRender.StableIds(b, "fig");
        Assert.Equal(sa, sb);
        Assert.DoesNotContain("cl_", sa);
        Assert.Contains("id=\"fig-clip0\"", sa);
        Assert.Contains("url(#fig-clip0)", sa);
    }
}
