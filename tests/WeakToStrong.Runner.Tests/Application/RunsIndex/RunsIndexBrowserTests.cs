using System.Text.RegularExpressions;
using SkiaSharp;
using Xunit.Abstractions;
using WeakToStrong.Runner.Application.RunsIndex;

namespace WeakToStrong.Runner.Tests.Application.RunsIndex;

/// <summary>
/// runs/index.html in a real browser (Debian's chromium, headless, from a file:// URL): it loads without a console
/// message, its DOM has one table row per record and every link and image resolves, and a screenshot shows the table.
/// </summary>
public sealed partial class RunsIndexBrowserTests(ITestOutputHelper log) : IDisposable
{
    readonly IndexedRuns runs = new();

    public void Dispose() => runs.Dispose();

    /// <summary>Chromium logs console messages (and failed loads of a page's files) as "…:CONSOLE(line)] …" with --enable-logging=stderr.</summary>
    static IReadOnlyList<string> ConsoleLines(string log) =>
        log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ToList();

    [ChromiumFact]
    public void The_index_loads_from_a_file_url_without_console_messages_with_one_row_per_record_and_every_link_resolving()
    {
        RunsIndexVerb.Write(runs.Runs);
        log.WriteLine(HeadlessChromium.Version);

        // The control: the same way of reading the log sees a console error where a page has one.
        string control = Path.Combine(runs.Root, "control.html");
        File.WriteAllText(control, "<!DOCTYPE html><html><body><script>console.error('w2s-control')</script></body></html>");
        Assert.Contains(ConsoleLines(HeadlessChromium.DumpDom(new Uri(control).AbsoluteUri).Log), l => l.Contains("w2s-control", StringComparison.Ordinal));

        var (dom, chromeLog) = HeadlessChromium.DumpDom(new Uri(runs.Index).AbsoluteUri);

        Assert.Empty(ConsoleLines(chromeLog));
        Assert.Equal(IndexedRuns.Records, RowIds().Matches(dom).Count);
        var links = Links().Matches(dom).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.True(links.Count >= IndexedRuns.Records * 2, $"only {links.Count} links in the loaded page");
        foreach (string link in links)
        {
            if (link.StartsWith('#')) Assert.Contains($"id=\"{link[1..]}\"", dom);
            else Assert.True(File.Exists(Path.Combine(runs.Runs, Uri.UnescapeDataString(link))), $"{link} does not resolve");
        }
    }

    [ChromiumFact]
    public void A_screenshot_of_the_index_shows_the_table_and_the_figures()
    {
        RunsIndexVerb.Write(runs.Runs);
        string png = Path.Combine(runs.Root, "index.png");

        HeadlessChromium.Screenshot(new Uri(runs.Index).AbsoluteUri, png, 1400, 1600);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((1400, 1600), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<uint>();
        int header = 0, dark = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                if (c.Red == 0xf3 && c.Green == 0xf3 && c.Blue == 0xf3) header++;    // the table header's background
                if (c.Red < 0x60 && c.Green < 0x60 && c.Blue < 0x60) dark++;          // text
            }
        log.WriteLine($"{HeadlessChromium.Version}: {colours.Count} colours, {header} header pixels, {dark} text pixels (every 2nd pixel)");
        Assert.True(colours.Count > 50, $"{colours.Count} colours: a blank or flat page");
        Assert.True(header > 500, $"{header} pixels of the table header's background: no table drawn");
        Assert.True(dark > 2000, $"{dark} dark pixels: no text drawn");
    }

    [GeneratedRegex("<tr id=\"row-[0-9a-f]{64}\">")]
    private static partial Regex RowIds();

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex Links();
}
