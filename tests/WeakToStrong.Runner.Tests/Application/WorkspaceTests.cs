using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>How both front-ends find experiments/ and runs/: upwards from where they start, like git finds .git.</summary>
public sealed class WorkspaceTests : IDisposable
{
    // The temp folder has no experiments/ at or above it (CI and these machines: /tmp and / hold none).
    readonly string root = Directory.CreateTempSubdirectory("w2s-workspace-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_subfolder_finds_the_experiments_folder_of_a_parent()
    {
        Directory.CreateDirectory(Path.Combine(root, "experiments"));
        string deep = Directory.CreateDirectory(Path.Combine(root, "src", "notes")).FullName;

        var workspace = Workspace.Locate(deep);

        Assert.Equal((root, true, Path.Combine(root, "experiments"), Path.Combine(root, "runs")),
            (workspace.Root, workspace.Found, workspace.ExperimentsDirectory, workspace.RunsDirectory));
    }

    [Fact]
    public void The_nearest_experiments_folder_wins()
    {
        Directory.CreateDirectory(Path.Combine(root, "experiments"));
        string inner = Directory.CreateDirectory(Path.Combine(root, "inner", "experiments")).Parent!.FullName;

        Assert.Equal(inner, Workspace.Locate(inner).Root);
    }

    [Fact]
    public void Without_one_the_start_folder_stands_and_is_not_found()
    {
        Assert.Equal(new Workspace(root, false), Workspace.Locate(root));
    }

    [Fact]
    public void A_catalog_there_says_where_it_looked()
    {
        var error = Assert.Throws<UserError>(() => new ExperimentCatalog(Workspace.Locate(root).ExperimentsDirectory).Require("nlp-definitions"));

        Assert.Equal($"--experiment nlp-definitions: error W2S0100: Unknown experiment 'nlp-definitions'. Available: none (no experiments/ folder in {root} or any folder above it: run inside a folder that has one, or pass --experiments-dir).",
            error.Message);
    }
}
