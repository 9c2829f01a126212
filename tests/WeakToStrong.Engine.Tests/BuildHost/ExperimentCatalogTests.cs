using WeakToStrong.Build.Experiments;
using WeakToStrong.Build.Host;

namespace WeakToStrong.Engine.Tests.BuildHost;

public sealed class ExperimentCatalogTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("w2s-experiments-").FullName;

    public ExperimentCatalogTests()
    {
        foreach (var name in new[] { "spam-ham.json", "nlp-definitions.json", "manifest.schema.json", "notes.md", "chatgpt-rm.json" })
            File.WriteAllText(Path.Combine(directory, name), "{}");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Lists_manifest_ids_sorted_without_schemas_or_other_files()
    {
        Assert.Equal(["chatgpt-rm", "nlp-definitions", "spam-ham"], ExperimentCatalog.List(directory));
    }

    [Fact]
    public void A_missing_folder_lists_nothing()
    {
        Assert.Empty(ExperimentCatalog.List(Path.Combine(directory, "absent")));
    }

    [Fact]
    public void A_known_id_passes()
    {
        Assert.True(ExperimentCatalog.Require(directory, "nlp-definitions"));
    }

    [Fact]
    public void An_unknown_id_is_one_line_listing_the_available_experiments()
    {
        var error = Assert.Throws<HostException>(() => ExperimentCatalog.Require(directory, "does-not-exist"));

        Assert.Equal("Unknown experiment 'does-not-exist'. Available: chatgpt-rm, nlp-definitions, spam-ham.", error.Message);
    }

    [Fact]
    public void A_typo_also_names_the_nearest_experiment()
    {
        var error = Assert.Throws<HostException>(() => ExperimentCatalog.Require(directory, "nlp-definition"));

        Assert.Equal("Unknown experiment 'nlp-definition'. Did you mean 'nlp-definitions'? Available: chatgpt-rm, nlp-definitions, spam-ham.", error.Message);
    }

    [Fact]
    public void A_schema_file_is_not_an_experiment()
    {
        Assert.Throws<HostException>(() => ExperimentCatalog.Require(directory, "manifest.schema"));
    }
}
