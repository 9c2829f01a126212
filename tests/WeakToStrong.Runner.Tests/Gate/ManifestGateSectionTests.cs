using System.Text.Json.Nodes;
using WeakToStrong.Runner.Gate;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Gate;

public class ManifestGateSectionTests
{
    static JsonObject Gate => new() { ["weak.acc"] = new JsonObject { ["abs"] = 0.044, ["derivation"] = "3·√(sd_seed² + sd_boot²) …" } };

    [Fact]
    public void Replacing_the_gate_section_keeps_every_other_byte_as_written()
    {
        const string text = "{\n  \"id\": \"x\",\n  \"models\": { \"a\": {\"family\": \"minilm-l6\"} },\n  \"gate\": {\n    \"pgr.median\": { \"abs\": 0.15 }\n  },\n  \"seeds\": [0]\n}\n";
        string written = ManifestGateSection.Replace(text, Gate);
        Assert.Equal(
            "{\n  \"id\": \"x\",\n  \"models\": { \"a\": {\"family\": \"minilm-l6\"} },\n  \"gate\": {\n    \"weak.acc\": {\n      \"abs\": 0.044,\n" +
            "      \"derivation\": \"3·√(sd_seed² + sd_boot²) …\"\n    }\n  },\n  \"seeds\": [0]\n}\n", written);
    }

    [Fact]
    public void A_manifest_without_a_gate_gets_one_appended_as_its_last_property()
    {
        string written = ManifestGateSection.Replace("{\n  \"id\": \"x\",\n  \"seeds\": [0]\n}\n", Gate);
        Assert.StartsWith("{\n  \"id\": \"x\",\n  \"seeds\": [0],\n  \"gate\": {\n    \"weak.acc\": {", written);
        Assert.EndsWith("    }\n  }\n}\n", written);
        Assert.Equal(0.044, (double)JsonNode.Parse(written)!["gate"]!["weak.acc"]!["abs"]!);
    }

    [Fact]
    public void A_gate_key_inside_a_nested_object_is_not_the_manifests_gate()
    {
        const string text = "{\n  \"scales\": { \"gate\": { \"seeds\": [0] } }\n}";
        string written = ManifestGateSection.Replace(text, Gate);
        Assert.Equal(JsonNode.Parse("{\"seeds\":[0]}")!.ToJsonString(), JsonNode.Parse(written)!["scales"]!["gate"]!.ToJsonString());
        Assert.NotNull(JsonNode.Parse(written)!["gate"]!["weak.acc"]);
    }
}

public class WeakLabelFlipTests
{
    [Fact]
    public void A_fifth_of_500_labels_is_exactly_100_distinct_items_and_the_same_ones_each_time()
    {
        var flipped = WeakLabelFlip.Items(500, 0.2, seed: 0);
        Assert.Equal(100, flipped.Count);
        Assert.All(flipped, i => Assert.InRange(i, 0, 499));
        Assert.Equal(flipped.Order(), WeakLabelFlip.Items(500, 0.2, seed: 0).Order());
        Assert.NotEqual(flipped.Order(), WeakLabelFlip.Items(500, 0.2, seed: 1).Order());
    }

    [Fact]
    public void No_fraction_flips_nothing_and_a_whole_one_flips_everything()
    {
        Assert.Empty(WeakLabelFlip.Items(500, null, 0));
        Assert.Empty(WeakLabelFlip.Items(500, 0, 0));
        Assert.Equal(500, WeakLabelFlip.Items(500, 1.0, 0).Count);
    }
}
