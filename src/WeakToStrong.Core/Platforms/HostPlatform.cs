namespace WeakToStrong.Core.Platforms;

/// <summary>
/// The operating systems the tool packages are built for (linux-x64, osx-arm64, win-x64). Tools and fonts are found
/// per platform; the rules take the platform as a value so that a test on Linux runs Windows' and macOS' too.
/// </summary>
public enum HostPlatform { Linux, MacOS, Windows }

public static class HostPlatforms
{
    /// <summary>The platform this process runs on.</summary>
    public static HostPlatform Current =>
        OperatingSystem.IsWindows() ? HostPlatform.Windows : OperatingSystem.IsMacOS() ? HostPlatform.MacOS : HostPlatform.Linux;
}
