using System.Reflection;

namespace WeakToStrong.Runner.Executors;

/// <summary>The argv that starts this very program again: `dotnet &lt;entry&gt;.dll` when run through the muxer, else the apphost.</summary>
public static class SelfInvocation
{
    public static IReadOnlyList<string> Current()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry
            ? [process, entry]
            : [process];
    }
}
