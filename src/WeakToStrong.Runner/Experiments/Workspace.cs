namespace WeakToStrong.Runner.Experiments;

/// <summary>
/// Where a run's manifests (`experiments/`) and records (`runs/`) live: the nearest folder upwards from where a
/// front-end starts that holds an `experiments/` folder, the way git finds `.git`. The build host starts from its
/// repository root (found by `.nuke/`, build/Host/RootDirectoryLocator.cs), `w2s` from the working folder, so an
/// installed tool run in any subfolder of a checkout finds the same folders the host does. The folder names are
/// written here once.
/// </summary>
public sealed record Workspace(string Root, bool Found)
{
    public const string ExperimentsFolder = "experiments";
    public const string RunsFolder = "runs";

    public string ExperimentsDirectory => Path.Combine(Root, ExperimentsFolder);
    public string RunsDirectory => Path.Combine(Root, RunsFolder);

    /// <summary>
    /// The nearest of <paramref name="start"/> and its parents that holds `experiments/`; when none does,
    /// <paramref name="start"/> itself with <see cref="Found"/> false (a catalog there then says where it looked).
    /// </summary>
    public static Workspace Locate(string start)
    {
        var full = Path.GetFullPath(start);
        return FindRoot(full) is { } root ? new Workspace(root, true) : new Workspace(full, false);
    }

    /// <summary>The working folder's workspace: what `w2s` uses when no --experiments-dir/--runs-dir is given.</summary>
    public static Workspace FromCurrentDirectory() => Locate(System.IO.Directory.GetCurrentDirectory());

    public static string? FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(start)); directory is not null; directory = directory.Parent)
            if (System.IO.Directory.Exists(Path.Combine(directory.FullName, ExperimentsFolder)))
                return directory.FullName;
        return null;
    }
}
