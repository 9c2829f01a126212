using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Tests.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Resolution;

public class ManifestResolverTests
{
    private static ResolvedManifest Resolve(string text, string? scale, params OverrideLayer[] layers)
    {
        var loaded = ManifestLoader.Load(text, "experiments/x.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics);
        return ManifestResolver.Resolve(loaded.Syntax!, scale, layers, TaskCatalog.Default);
    }

    private static string Bundled => File.ReadAllText(RepoPaths.SampleManifest);

    [Fact]
    public void Smoke_scale_replaces_the_values_it_names_and_keeps_the_rest()
    {
        var r = Resolve(Bundled, "smoke");
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        var m = r.Manifest!;
        Assert.Equal((256, 256, 256), (m.Data.Split.Train1, m.Data.Split.Train2, m.Data.Split.Test));
        Assert.Equal([0], m.Seeds);
        Assert.Equal(1, m.Training.Epochs);
        Assert.Equal(32, m.Training.BatchSize);
        Assert.Equal(["moby-dick"], m.Pretrain!.Corpus.Select(c => c.Name));
        Assert.Equal("smoke", r.Scale);
    }

    [Fact]
    public void Paper_scale_replaces_the_whole_model_set_once_the_user_pins_its_weights()
    {
        string[] sizes = ["gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl"];
        var pins = OverrideLayer.FromCommandLine(sizes.Select(size =>
            $$"""models.{{size}}.weights={"name":"{{size}}","path":"weights/{{size}}.safetensors","sha256":"{{new string('a', 64)}}"}""").ToArray());
        var m = Resolve(Bundled, "paper", pins).Manifest!;
        Assert.Equal(sizes, m.Models.Keys);
        Assert.Equal(1e-5, m.Models["gpt2-xl"].Training!.Lr);
        Assert.Equal("weights/gpt2-large.safetensors", m.Models["gpt2-large"].Weights!.Path);
    }

    [Fact]
    public void Paper_scale_without_pinned_weights_is_refused_at_resolution_naming_each_model()
    {
        var resolved = Resolve(Bundled, "paper");
        Assert.Null(resolved.Manifest);
        var messages = resolved.Diagnostics.Select(d => d.Message).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Equal("gpt2-hf model 'gpt2' has no pinned weights: give models.gpt2.weights as {\"name\", \"path\" (under the data root) or https \"url\", \"sha256\"} of Hugging Face's model.safetensors for gpt2.", messages[0]);
    }

    [Fact]
    public void Later_layers_win_manifest_scale_nukejson_environment_command_line()
    {
        var nuke = OverrideLayer.FromPairs("nuke.json", [("training.epochs", "3"), ("training.lr", "0.01")]);
        var env = OverrideLayer.FromEnvironment(new Dictionary<string, string> { ["W2S_SET__training__epochs"] = "4", ["PATH"] = "/bin" });
        var cli = OverrideLayer.FromCommandLine(["training.epochs=5"]);
        Assert.Equal(5, Resolve(Bundled, "smoke", nuke, env, cli).Manifest!.Training.Epochs);
        Assert.Equal(4, Resolve(Bundled, "smoke", nuke, env).Manifest!.Training.Epochs);
        var r = Resolve(Bundled, "smoke", nuke);
        Assert.Equal((3, 0.01), (r.Manifest!.Training.Epochs, r.Manifest.Training.Lr));
        Assert.Equal(1, Resolve(Bundled, "smoke").Manifest!.Training.Epochs);
        Assert.Equal(2, Resolve(Bundled, null).Manifest!.Training.Epochs);
    }

    [Fact]
    public void Unknown_path_in_set_is_an_error_naming_the_argument_with_did_you_mean()
    {
        var r = Resolve(Bundled, null, OverrideLayer.FromCommandLine(["training.epoch=1"]));
        Assert.False(r.Success);
        Assert.Equal(["--set training.epoch=1: error W2S0010: Unknown property 'epoch' in 'training'. Did you mean 'epochs'?"],
            r.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Set_without_equals_and_path_through_a_scalar_are_invalid_overrides()
    {
        var r = Resolve(Bundled, null, OverrideLayer.FromCommandLine(["training.epochs", "id.x=1"]));
        Assert.Equal([
            "--set training.epochs: error W2S0027: Expected path=value, got 'training.epochs'.",
            "--set id.x=1: error W2S0027: Cannot set 'id.x': 'id' is a string, not an object.",
        ], r.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Bad_value_in_set_is_reported_against_the_argument()
    {
        var r = Resolve(Bundled, null, OverrideLayer.FromCommandLine(["training.epochs=two"]));
        Assert.Equal(["--set training.epochs=two: error W2S0011: 'training.epochs' must be an integer, got string \"two\"."],
            r.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Unquoted_text_is_a_string_and_array_elements_are_addressed_by_index()
    {
        var r = Resolve(Bundled, null, OverrideLayer.FromCommandLine(["training.precision=bf16", "losses.1.auxCoef=0.75", "seeds=[7,8]"]));
        Assert.True(r.Success, string.Join("\n", r.Diagnostics));
        Assert.Equal(Precision.Bf16, r.Manifest!.Training.Precision);
        Assert.Equal(0.75, r.Manifest.Losses[1].AuxCoef);
        Assert.Equal([7, 8], r.Manifest.Seeds);
        Assert.Equal(["training.precision", "losses.1.auxCoef", "seeds"], r.Applied.Select(a => a.Path));
        Assert.Equal("command line", r.Applied[0].Origin);
    }

    [Fact]
    public void Unknown_scale_suggests_the_nearest()
    {
        var r = Resolve(Bundled, "smok");
        Assert.Equal(["--scale smok: error W2S0030: Unknown scale 'smok'. Did you mean 'smoke'? This manifest declares: smoke, cpu, paper."],
            r.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Resolved_json_has_every_effective_value_and_no_scales()
    {
        var r = Resolve(ManifestSamples.Minimal, null);
        Assert.Equal(32, (int)r.Resolved["training"]!["batchSize"]!);
        Assert.Equal("cosine", (string)r.Resolved["training"]!["schedule"]!);
        Assert.Equal("classification", (string)r.Resolved["setting"]!);
        Assert.False(r.Resolved.ContainsKey("scales"));
        Assert.False(r.Resolved.ContainsKey("$schema"));
        // The resolved JSON is itself a valid manifest that resolves to the same thing.
        var again = ManifestLoader.Load(r.Resolved.ToJsonString(), "resolved.json", TaskCatalog.Default);
        Assert.Empty(again.Diagnostics);
        Assert.Equal(r.Resolved.ToJsonString(), ManifestResolver.Resolve(again.Syntax!, null, [], TaskCatalog.Default).Resolved.ToJsonString());
    }
}
