using WeakToStrong.Core.Resolution;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>The one experiment lookup both front-ends use: listing, the unknown-id line, id = file name, the default scale.</summary>
public sealed class ExperimentCatalogTests : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("w2s-experiments-").FullName;
    ExperimentCatalog Catalog => new(directory);

    const string Manifest = """
        {
          "schemaVersion": 1,
          "id": "ID",
          "version": "1.0.0",
          "data": {
            "task": "definitions",
            "sources": [ { "name": "w", "path": "wordnet/dict" } ],
            "split": { "seed": 0, "train1": 10, "train2": 10, "test": 10 }
          },
          "models": { "weak": { "family": "minilm-l6" }, "strong": { "family": "minilm-l6" } },
          "losses": [ { "name": "xent" } ],
          "seeds": [0, 1],
          DEFAULT"scales": { "smoke": { "seeds": [0] }, "cpu": { "seeds": [1] } }
        }
        """;

    void Write(string file, string id, string? defaultScale = null) =>
        File.WriteAllText(Path.Combine(directory, file), Manifest.Replace("ID", id)
            .Replace("DEFAULT", defaultScale is null ? "" : $"\"defaultScale\": \"{defaultScale}\",\n  "));

    public ExperimentCatalogTests()
    {
        foreach (var name in new[] { "manifest.schema.json", "notes.md" })
            File.WriteAllText(Path.Combine(directory, name), "{}");
        Write("spam-ham.json", "spam-ham");
        Write("nlp-definitions.json", "nlp-definitions", defaultScale: "cpu");
        Write("chatgpt-rm.json", "chatgpt-rm");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Lists_manifest_ids_sorted_without_schemas_or_other_files() =>
        Assert.Equal(["chatgpt-rm", "nlp-definitions", "spam-ham"], Catalog.Ids());

    [Fact]
    public void A_missing_folder_lists_nothing_and_names_the_folder() =>
        Assert.Equal($"--experiment x: error W2S0100: Unknown experiment 'x'. Available: none ({Path.Combine(directory, "absent")} does not exist).",
            Assert.Throws<UserError>(() => new ExperimentCatalog(Path.Combine(directory, "absent")).Require("x")).Message);

    [Fact]
    public void An_empty_folder_lists_nothing() =>
        Assert.Equal("--experiment x: error W2S0100: Unknown experiment 'x'. Available: none.",
            Assert.Throws<UserError>(() => new ExperimentCatalog(Directory.CreateDirectory(Path.Combine(directory, "empty")).FullName).Require("x")).Message);

    [Fact]
    public void A_known_id_passes() => Catalog.Require("nlp-definitions");

    [Fact]
    public void An_unknown_id_is_one_line_listing_the_available_experiments()
    {
        var error = Assert.Throws<UserError>(() => Catalog.Require("does-not-exist"));

        Assert.Equal(["--experiment does-not-exist: error W2S0100: Unknown experiment 'does-not-exist'. Available: chatgpt-rm, nlp-definitions, spam-ham."], error.Lines);
    }

    [Fact]
    public void A_typo_also_names_the_nearest_experiment()
    {
        var error = Assert.Throws<UserError>(() => Catalog.Require("nlp-definition"));

        Assert.Equal(["--experiment nlp-definition: error W2S0100: Unknown experiment 'nlp-definition'. Did you mean 'nlp-definitions'? Available: chatgpt-rm, nlp-definitions, spam-ham."], error.Lines);
    }

    [Fact]
    public void A_schema_file_is_not_an_experiment() =>
        Assert.Throws<UserError>(() => Catalog.Require("manifest.schema"));

    [Fact]
    public void A_manifest_whose_id_is_not_its_file_name_is_a_located_error()
    {
        Write("renamed.json", "spam-ham");

        var error = Assert.Throws<UserError>(() => Catalog.Resolve("renamed", null, [], displayRoot: Path.GetDirectoryName(directory)));

        Assert.Equal([$"{Path.GetFileName(directory)}/renamed.json(3,9): error W2S0029: Manifest id 'spam-ham' must match its file name 'renamed.json' (--experiment finds manifests by file name)."],
            error.Lines);
    }

    [Fact]
    public void Without_a_scale_the_manifests_default_scale_applies()
    {
        var resolved = Catalog.Resolve("nlp-definitions", null, []);

        Assert.Equal("cpu", resolved.Scale);
        Assert.Equal([new AppliedOverride("seeds", "[1]", "scale cpu")], resolved.Applied);
    }

    [Fact]
    public void A_named_scale_wins_over_the_default() =>
        Assert.Equal("smoke", Catalog.Resolve("nlp-definitions", "smoke", []).Scale);

    [Fact]
    public void Without_a_default_scale_the_manifest_runs_as_written() =>
        Assert.Equal((null, 0), (Catalog.Resolve("spam-ham", null, []).Scale, Catalog.Resolve("spam-ham", null, []).Applied.Count));

    [Fact]
    public void An_audit_can_ask_for_the_manifest_as_written_despite_its_default() =>
        Assert.Null(Catalog.Resolve("nlp-definitions", null, [], useDefaultScale: false).Scale);

    [Fact]
    public void A_run_binds_only_what_it_resolves_so_an_error_in_another_scale_is_left_to_the_builds_validation()
    {
        File.WriteAllText(Path.Combine(directory, "two.json"), Manifest.Replace("ID", "two").Replace("DEFAULT", "")
            .Replace("\"cpu\": { \"seeds\": [1] }", "\"cpu\": { \"training.epoch\": 3 }"));

        Assert.Equal("smoke", Catalog.Resolve("two", "smoke", []).Scale);
        var error = Assert.Throws<UserError>(() => Catalog.Resolve("two", "cpu", [], displayRoot: directory));
        Assert.Equal(["two.json(13,51): error W2S0010: Unknown property 'epoch' in 'training'. Did you mean 'epochs'?"], error.Lines);
    }

    [Fact]
    public void A_default_scale_that_is_not_a_string_is_a_located_error()
    {
        File.WriteAllText(Path.Combine(directory, "odd.json"), Manifest.Replace("ID", "odd").Replace("DEFAULT", "\"defaultScale\": 3,\n  "));

        var error = Assert.Throws<UserError>(() => Catalog.Resolve("odd", null, [], displayRoot: directory));

        Assert.Equal(["odd.json(13,19): error W2S0011: 'defaultScale' must be a string: the name of one of 'scales'."], error.Lines);
    }

    [Fact]
    public void An_unknown_default_scale_is_located_at_the_manifests_default_scale()
    {
        Write("bad-default.json", "bad-default", defaultScale: "nosuch");

        var error = Assert.Throws<UserError>(() => Catalog.Resolve("bad-default", null, [], displayRoot: directory));

        Assert.StartsWith("bad-default.json(13,19): error W2S0030: Unknown scale 'nosuch'.", Assert.Single(error.Lines));
    }
}
