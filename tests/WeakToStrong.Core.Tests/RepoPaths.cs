namespace WeakToStrong.Core.Tests;

/// <summary>Finds the repository root from the test binary, so tests can read the bundled manifests.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Experiments => Path.Combine(Root, "experiments");

    /// <summary>nlp-definitions 0.3.0 as it was bundled (two models, a pretrain corpus, smoke/cpu/paper scales): the
    /// compiler's and resolver's sample, kept here so that a science change to a bundled manifest does not move them.</summary>
    public static string SampleManifest => Path.Combine(Root, "tests", "WeakToStrong.Core.Tests", "Fixtures", "nlp-definitions-0.3.0.json");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WeakToStrong.Repro.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (WeakToStrong.Repro.sln) not found above " + AppContext.BaseDirectory);
    }
}
