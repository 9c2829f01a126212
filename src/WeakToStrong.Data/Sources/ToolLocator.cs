using WeakToStrong.Core.Platforms;

namespace WeakToStrong.Data.Sources;

/// <summary>What is started for a tool: the program, and the arguments that go before the tool's own.</summary>
public sealed record ToolCommand(string FileName, IReadOnlyList<string> LeadingArguments);

/// <summary>
/// Finds the program to start for a tool named bare ("npm", "apt-get", "dpkg-deb"), per platform, with the PATH (and on
/// Windows PATHEXT) it is given, so that each platform's rule can be run anywhere (a test on Linux runs Windows' and
/// macOS'):
/// <list type="bullet">
/// <item>Linux: the name as it is; Process.Start searches PATH.</item>
/// <item>macOS: PATH, then Homebrew's folders (/opt/homebrew/bin, /usr/local/bin): a tool started outside a login shell
/// (an IDE, launchd) often has a PATH without them, and that is where Homebrew's node puts npm.</item>
/// <item>Windows: PATH with each PATHEXT extension, as cmd.exe looks. Process.Start with UseShellExecute=false only
/// tries ".exe", and npm is npm.cmd, a batch file; rather than hand our arguments to cmd.exe's quoting, a batch file
/// that Node.js installed (node.exe and node_modules\npm\bin\npm-cli.js beside it, as the Windows installer and nvm lay
/// them out) is replaced by what it runs: node.exe npm-cli.js. Any other batch file is started itself.</item>
/// </list>
/// A tool found nowhere stays bare, so that starting it fails with the missing-tool line.
/// </summary>
public static class ToolLocator
{
    public static readonly IReadOnlyList<string> HomebrewFolders = ["/opt/homebrew/bin", "/usr/local/bin"];

    const string DefaultPathExt = ".COM;.EXE;.BAT;.CMD";

    /// <summary>This process's platform, PATH and PATHEXT.</summary>
    public static ToolCommand Resolve(string tool) => Resolve(tool, HostPlatforms.Current,
        Environment.GetEnvironmentVariable("PATH"), Environment.GetEnvironmentVariable("PATHEXT"));

    public static ToolCommand Resolve(string tool, HostPlatform platform, string? path, string? pathExt)
    {
        // A path, or a name with an extension on Windows, is what the caller meant: start it as given.
        if (tool.Contains('/') || tool.Contains('\\') || platform == HostPlatform.Linux) return new ToolCommand(tool, []);
        return platform == HostPlatform.MacOS ? MacOS(tool, path) : Windows(tool, path, pathExt);
    }

    static ToolCommand MacOS(string tool, string? path)
    {
        foreach (string folder in Folders(path, ':').Concat(HomebrewFolders))
            if (File.Exists(Path.Combine(folder, tool))) return new ToolCommand(Path.Combine(folder, tool), []);
        return new ToolCommand(tool, []);
    }

    static ToolCommand Windows(string tool, string? path, string? pathExt)
    {
        var extensions = (string.IsNullOrEmpty(pathExt) ? DefaultPathExt : pathExt)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Path.HasExtension(tool)) extensions = [""];
        foreach (string folder in Folders(path, ';'))
            foreach (string extension in extensions)
            {
                // Windows file names ignore case; a Linux test folder does not, so try the extension as PATHEXT spells it and in lower case.
                foreach (string name in new[] { tool + extension, tool + extension.ToLowerInvariant() }.Distinct(StringComparer.Ordinal))
                {
                    string candidate = Path.Combine(folder, name);
                    if (!File.Exists(candidate)) continue;
                    return IsBatch(extension) ? NodeScript(folder, tool) ?? new ToolCommand(candidate, []) : new ToolCommand(candidate, []);
                }
            }
        return new ToolCommand(tool, []);
    }

    /// <summary>node.exe node_modules\&lt;tool&gt;\bin\&lt;tool&gt;-cli.js, when the batch file is Node.js's shim for it.</summary>
    static ToolCommand? NodeScript(string folder, string tool)
    {
        string node = Path.Combine(folder, "node.exe");
        string script = Path.Combine(folder, "node_modules", tool, "bin", tool + "-cli.js");
        return File.Exists(node) && File.Exists(script) ? new ToolCommand(node, [script]) : null;
    }

    static bool IsBatch(string extension) => extension.Equals(".cmd", StringComparison.OrdinalIgnoreCase) || extension.Equals(".bat", StringComparison.OrdinalIgnoreCase);

    static IEnumerable<string> Folders(string? path, char separator) =>
        (path ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.Trim('"'));
}
