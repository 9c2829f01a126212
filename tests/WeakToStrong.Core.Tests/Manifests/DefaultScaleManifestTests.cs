using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;

using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>`defaultScale`: the scale both front-ends use without --scale, checked with the file.</summary>
public class DefaultScaleManifestTests
{
    private static string WithScales(string defaultScale) => ManifestSamples.With("\"seeds\": [0, 1]",
        $"\"seeds\": [0, 1],\n  \"defaultScale\": {defaultScale},\n  \"scales\": {{ \"smoke\": {{ \"seeds\": [0] }}, \"cpu\": {{}} }}");

    [Fact]
    public void A_declared_default_scale_loads_and_is_bound()
    {
        var result = ManifestLoader.Load(WithScales("\"cpu\""), ManifestAssert.File, TaskCatalog.Default);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("cpu", result.Manifest!.DefaultScale);
    }

    [Fact]
    public void A_default_scale_the_manifest_does_not_declare_is_located_with_the_nearest() => ManifestAssert.SingleError(
        WithScales("§\"smok\""),
        "W2S0030", "defaultScale 'smok' is not a scale of this manifest. Did you mean 'smoke'? This manifest declares: smoke, cpu.");

    [Fact]
    public void A_default_scale_without_any_scales_is_an_error() => ManifestAssert.SingleError(
        ManifestSamples.With("\"seeds\": [0, 1]", "\"seeds\": [0, 1],\n  \"defaultScale\": §\"cpu\""),
        "W2S0030", "defaultScale 'cpu' is not a scale of this manifest. This manifest declares: none.");

    [Fact]
    public void The_resolved_manifest_carries_no_default_scale_so_run_keys_do_not_depend_on_how_the_scale_was_chosen()
    {
        var loaded = ManifestLoader.Load(WithScales("\"smoke\""), ManifestAssert.File, TaskCatalog.Default);
        var byDefault = ManifestResolver.Resolve(loaded.Syntax!, loaded.Manifest!.DefaultScale, [], TaskCatalog.Default);
        var named = ManifestResolver.Resolve(ManifestLoader.Load(WithScales("\"cpu\""), ManifestAssert.File, TaskCatalog.Default).Syntax!, "smoke", [], TaskCatalog.Default);

        Assert.False(byDefault.Resolved.ContainsKey("defaultScale"));
        Assert.Equal("smoke", byDefault.Scale);
        Assert.Equal(named.Resolved.ToJsonString(), byDefault.Resolved.ToJsonString());
    }

    [Fact]
    public void Every_bundled_manifest_declares_cpu_as_its_default_scale()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Experiments, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
            Assert.Equal("cpu", ManifestLoader.Load(File.ReadAllBytes(file), file, TaskCatalog.Default).Manifest!.DefaultScale);
    }
}
