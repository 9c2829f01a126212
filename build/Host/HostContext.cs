using WeakToStrong.Build.Host.Output;
using WeakToStrong.Build.Host.Parameters;

namespace WeakToStrong.Build.Host;

/// <summary>What the host reads from its surroundings; tests pass their own (a temp root, in-memory layers, a string writer).</summary>
public sealed record HostContext(string RootDirectory, IReadOnlyList<ParameterLayer> LayersBelowCommandLine, HostOutput Output)
{
    public static HostContext FromProcess()
    {
        var root = RootDirectoryLocator.FindForProcess();
        return new HostContext(root, HostConfiguration.LayersBelowCommandLine(root, HostConfiguration.Environment()), HostOutput.ForProcess());
    }
}
