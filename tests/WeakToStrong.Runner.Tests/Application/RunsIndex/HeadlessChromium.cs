using System.Diagnostics;

namespace WeakToStrong.Runner.Tests.Application.RunsIndex;

/// <summary>
/// Debian's chromium, headless, as the index's browser test starts it (.ci/run installs it where it is missing).
/// Every call gets a fresh profile folder, and --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
/// </summary>
static class HeadlessChromium
{
    public const string Program = "chromium";

    /// <summary>"Chromium 1.2.3 built on Debian …", or null where chromium is not installed.</summary>
    public static readonly string? Version = Probe();

    static string? Probe()
    {
        try
        {
            var (code, output, _) = Run(["--version"], TimeSpan.FromSeconds(30));
            // Debian's /usr/bin/chromium wrapper may print a shell complaint first; the version is the line that names it.
            return code == 0 ? output.Split('\n').FirstOrDefault(l => l.StartsWith("Chromium", StringComparison.Ordinal))?.Trim() ?? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The page's DOM after loading, and chromium's log (stderr), where console messages appear as "…:CONSOLE(line)] …".</summary>
    public static (string Dom, string Log) DumpDom(string url)
    {
        var (code, output, error) = Run([.. Common(), "--enable-logging=stderr", "--v=0", "--dump-dom", url], TimeSpan.FromSeconds(90));
        Assert.True(code == 0, $"chromium --dump-dom exited {code}: {error}");
        return (output, error);
    }

    public static string Screenshot(string url, string png, int width, int height)
    {
        var (code, _, error) = Run([.. Common(), "--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={png}", url], TimeSpan.FromSeconds(90));
        Assert.True(code == 0 && File.Exists(png), $"chromium --screenshot exited {code}: {error}");
        return error;
    }

    static string[] Common() => ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage"];

    static (int ExitCode, string Output, string Error) Run(string[] args, TimeSpan timeout)
    {
        string profile = Directory.CreateTempSubdirectory("w2s-chromium-profile-").FullName;
        try
        {
            return Run(args.Length > 1 ? [.. args, "--user-data-dir=" + profile] : args, timeout, profile);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    static (int ExitCode, string Output, string Error) Run(string[] args, TimeSpan timeout, string profile)
    {
        var psi = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = profile; // chromium writes crash reports and caches under HOME otherwise
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium {string.Join(' ', args)} ran over {timeout.TotalSeconds} s");
        }
        return (p.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A test that needs chromium; skipped, with the reason, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Version is null) Skip = "chromium is not installed (.ci/run installs Debian's chromium as root)";
    }
}
