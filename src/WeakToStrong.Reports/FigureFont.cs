using WeakToStrong.Core.Platforms;

namespace WeakToStrong.Reports;

/// <summary>
/// The one font every figure is drawn in, loaded from a file: SkiaSharp's NoDependencies natives have no fontconfig,
/// and a font picked by the system would make the bytes depend on the machine. DejaVu Sans: the file
/// <c>W2S_REPORT_FONT</c> names, else the copy the tool package ships beside w2s (fonts/DejaVuSans.ttf, Debian's
/// fonts-dejavu-core file, so a packed tool draws the same bytes on every OS), else where each OS keeps installed
/// fonts (<see cref="Candidates"/>).
/// </summary>
public static class FigureFont
{
    public const string Family = "DejaVu Sans";
    public const string Variable = "W2S_REPORT_FONT";
    public const string FileName = "DejaVuSans.ttf";

    /// <summary>Where the tool package puts its copy, relative to the folder w2s.dll is in.</summary>
    public static readonly string Shipped = Path.Combine("fonts", FileName);

    /// <summary>
    /// Where DejaVu Sans is installed, per OS, in the order tried. Linux: Debian/Ubuntu, Arch, Fedora. macOS: the
    /// system-wide and the user's font folders (Homebrew's font-dejavu cask installs to the latter). Windows: the system
    /// Fonts folder and the per-user one that "Install" (without "for all users") uses since Windows 10 1809.
    /// </summary>
    /// <param name="environment">Reads WINDIR, LOCALAPPDATA and HOME (as given, so a test can run another OS's rule).</param>
    public static IReadOnlyList<string> Candidates(HostPlatform platform, Func<string, string?> environment) => platform switch
    {
        HostPlatform.Windows =>
        [
            Join(environment("WINDIR") ?? @"C:\Windows", "Fonts", FileName),
            .. environment("LOCALAPPDATA") is { Length: > 0 } local ? [Join(local, "Microsoft", "Windows", "Fonts", FileName)] : Array.Empty<string>(),
        ],
        HostPlatform.MacOS =>
        [
            "/Library/Fonts/" + FileName,
            .. environment("HOME") is { Length: > 0 } home ? [home.TrimEnd('/') + "/Library/Fonts/" + FileName] : Array.Empty<string>(),
        ],
        _ =>
        [
            "/usr/share/fonts/truetype/dejavu/" + FileName,
            "/usr/share/fonts/TTF/" + FileName,
            "/usr/share/fonts/dejavu/" + FileName,
            "/usr/share/fonts/dejavu-sans-fonts/" + FileName,
        ],
    };

    /// <summary>
    /// The file a platform's rule loads: <c>W2S_REPORT_FONT</c> when set (even if missing: the error names it), else the
    /// first that exists of the shipped copy under <paramref name="toolDirectory"/> and the platform's
    /// <see cref="Candidates"/>; null when none does.
    /// </summary>
    public static string? Choose(HostPlatform platform, Func<string, string?> environment, string toolDirectory, Func<string, bool> exists)
    {
        if (environment(Variable) is { Length: > 0 } named) return named;
        return new[] { Path.Combine(toolDirectory, Shipped) }.Concat(Candidates(platform, environment)).FirstOrDefault(exists);
    }

    static readonly Lazy<string> Loaded = new(Load);

    /// <summary>Registers the font with ScottPlot once; returns the file it came from.</summary>
    /// <exception cref="FileNotFoundException">No font file: one line saying where it looked.</exception>
    public static string Ensure() => Loaded.Value;

    static string Load()
    {
        var platform = HostPlatforms.Current;
        string? chosen = Choose(platform, Environment.GetEnvironmentVariable, AppContext.BaseDirectory, File.Exists);
        if (chosen is null || !File.Exists(chosen))
        {
            var looked = new[] { Path.Combine(AppContext.BaseDirectory, Shipped) }.Concat(Candidates(platform, Environment.GetEnvironmentVariable));
            throw new FileNotFoundException(
                $"report: no font file for the figures: looked at {(chosen is null ? string.Join(", ", looked) : chosen + $" (${Variable})")}; " +
                $"install DejaVu Sans (Debian: apt-get install fonts-dejavu-core) or set {Variable} to a .ttf file");
        }
        ScottPlot.Fonts.AddFontFile(Family, chosen);
        return chosen;
    }

    /// <summary>A Windows path joined with '\' wherever this runs (Path.Combine would use '/' on Linux).</summary>
    static string Join(params string[] parts) => string.Join('\\', parts.Select((p, i) => i == 0 ? p.TrimEnd('\\') : p.Trim('\\')));
}
