namespace WeakToStrong.Reports;

/// <summary>
/// The one font every figure is drawn in, loaded from a file: SkiaSharp's NoDependencies natives have no fontconfig,
/// and a font picked by the system would make the bytes depend on the machine. DejaVu Sans (Debian's
/// fonts-dejavu-core) unless <c>W2S_REPORT_FONT</c> names another TrueType file.
/// </summary>
public static class FigureFont
{
    public const string Family = "DejaVu Sans";
    public const string Variable = "W2S_REPORT_FONT";

    public static readonly IReadOnlyList<string> Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/Library/Fonts/DejaVuSans.ttf",
    ];

    static readonly Lazy<string> Loaded = new(Load);

    /// <summary>Registers the font with ScottPlot once; returns the file it came from.</summary>
    /// <exception cref="FileNotFoundException">No font file: one line saying where it looked.</exception>
    public static string Ensure() => Loaded.Value;

    static string Load()
    {
        string? chosen = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named ? named : Candidates.FirstOrDefault(File.Exists);
        if (chosen is null || !File.Exists(chosen))
            throw new FileNotFoundException(
                $"report: no font file for the figures: looked at {(chosen is null ? string.Join(", ", Candidates) : chosen + $" (${Variable})")}; " +
                $"install DejaVu Sans (Debian: apt-get install fonts-dejavu-core) or set {Variable} to a .ttf file");
        ScottPlot.Fonts.AddFontFile(Family, chosen);
        return chosen;
    }
}
