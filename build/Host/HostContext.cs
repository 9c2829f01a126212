using WeakToStrong.Build.Host.Output;
using WeakToStrong.Build.Host.Parameters;

namespace WeakToStrong.Build.Host;

/// <summary>
/// What the host reads from its surroundings; tests pass their own (a temp root, in-memory layers, a string writer,
/// the value of NUKE_VERBOSITY).
/// </summary>
public sealed record HostContext(string RootDirectory, IReadOnlyList<ParameterLayer> LayersBelowCommandLine, HostOutput Output,
    string? VerbosityVariable = null)
{
    public static HostContext FromProcess()
    {
        var root = RootDirectoryLocator.FindForProcess();
        return new HostContext(root, HostConfiguration.LayersBelowCommandLine(root, HostConfiguration.Environment()), HostOutput.ForProcess(),
            Environment.GetEnvironmentVariable(VerbositySetting.Variable));
    }

    /// <summary>
    /// `--root &lt;path&gt;` (NUKE's Root parameter): that folder is the root, and its nuke.json and
    /// .nuke/parameters.json replace this root's; the layers that are not files (the environment) stay.
    /// </summary>
    public HostContext WithRoot(string path)
    {
        var root = Path.GetFullPath(path, RootDirectory);
        if (!Directory.Exists(root))
            throw new HostException($"Parameter '--root': {root} is not a folder.");
        var kept = LayersBelowCommandLine.Where(l => !(l is ConfigurationLayer c && HostConfiguration.IsFileLayer(c)));
        return this with
        {
            RootDirectory = root,
            LayersBelowCommandLine = [.. kept, .. HostConfiguration.FileLayers(root)],
        };
    }
}
