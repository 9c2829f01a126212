namespace WeakToStrong.Build.Host;

/// <summary>The repository root is the nearest folder upwards that holds `.nuke/`: the marker real NUKE uses too.</summary>
public static class RootDirectoryLocator
{
    public const string Marker = ".nuke";

    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, Marker)))
                return directory.FullName;
        return null;
    }

    /// <summary>
    /// Starts from the host's own assembly (build/bin/…), then from the working directory, so `../build.sh` from a
    /// subfolder and `dotnet run` from anywhere find the same root.
    /// </summary>
    public static string FindForProcess() =>
        Find(AppContext.BaseDirectory) ?? Find(Directory.GetCurrentDirectory())
        ?? throw new HostException($"No '{Marker}' folder found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: run from inside the repository.");
}
