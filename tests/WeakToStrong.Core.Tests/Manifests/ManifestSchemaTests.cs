using System.Text.Json.Nodes;
using Snapshooter.Xunit;
using WeakToStrong.Core.Manifests.Schema;

namespace WeakToStrong.Core.Tests.Manifests;

public class ManifestSchemaTests
{
    /// <summary>A change to the manifest types changes the schema; the snapshot makes that a reviewed change.</summary>
    [Fact]
    public void Generated_schema_matches_its_snapshot() => Snapshot.Match(ManifestSchema.Generate());

    /// <summary>The schema editors read must be the generated one. Regenerate with W2S_UPDATE_SCHEMA=1.</summary>
    [Fact]
    public void Bundled_schema_file_is_the_generated_schema()
    {
        var path = Path.Combine(RepoPaths.Experiments, ManifestSchema.FileName);
        var generated = ManifestSchema.Generate();
        if (Environment.GetEnvironmentVariable("W2S_UPDATE_SCHEMA") == "1") File.WriteAllText(path, generated);
        Assert.True(File.Exists(path), $"{path} is missing: run the tests with W2S_UPDATE_SCHEMA=1.");
        Assert.Equal(generated, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Schema_carries_enums_ranges_patterns_and_required_fields()
    {
        var s = JsonNode.Parse(ManifestSchema.Generate())!;
        var props = s["properties"]!;
        Assert.Equal("""["gpt2-local","gpt2-hf","minilm-l6","bag-of-words","noisy-truth"]""",
            props["models"]!["additionalProperties"]!["properties"]!["family"]!["enum"]!.ToJsonString());
        Assert.Equal(1, (int)props["training"]!["properties"]!["epochs"]!["minimum"]!);
        Assert.Equal(1000, (int)props["training"]!["properties"]!["epochs"]!["maximum"]!);
        Assert.Equal("^[a-z0-9][a-z0-9-]*$", (string)props["id"]!["pattern"]!);
        Assert.Equal("""["schemaVersion","id","version","data","models","losses","seeds"]""", s["required"]!.ToJsonString());
        Assert.False((bool)s["additionalProperties"]!);
        Assert.Equal(1, (int)props["losses"]!["minItems"]!);
    }
}
