using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>Each family's size rule (<see cref="ModelFamilies"/>): what the validator accepts and the line it gives otherwise.</summary>
public class ModelSizeRuleTests
{
    private const string Weak = "\"weak\": { \"family\": \"minilm-l6\" }";

    private static string WeakAs(string model) => ManifestSamples.With(Weak, "\"weak\": " + model);

    [Theory]
    [InlineData("l1", 1)]
    [InlineData("l2", 2)]
    [InlineData("l6", 6)]
    public void MiniLm_cut_to_its_first_layers_is_valid_and_names_the_layer_count(string size, int layers)
    {
        var result = ManifestLoader.Load(WeakAs($"{{ \"family\": \"minilm-l6\", \"size\": \"{size}\" }}"), ManifestAssert.File, TaskCatalog.Default);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(layers, FirstLayers.Of(result.Manifest!.Models["weak"].Size, 6));
    }

    /// <summary>The schema's help for <c>size</c> is prose a user reads in an editor; the presets themselves live in one
    /// place, the family's row. This keeps the prose from drifting from the row: every family is described, and every
    /// preset of every family is named as a whole word.</summary>
    [Fact]
    public void The_size_description_describes_every_family_and_names_every_preset_of_each()
    {
        var description = typeof(ModelSpec).GetProperty(nameof(ModelSpec.Size))!.GetCustomAttribute<DescriptionAttribute>()!.Description;
        foreach (var row in ModelFamilies.All)
        {
            Assert.Contains(ModelFamilies.Name(row.Family) + ":", description);
            foreach (var preset in row.Presets.Keys)
                Assert.Matches($@"(?<![\w-]){Regex.Escape(preset)}(?![\w-])", description);
        }
    }

    [Fact]
    public void MiniLm_without_a_size_is_the_whole_six_layer_model() => Assert.Equal(6, FirstLayers.Of(null, 6));

    [Fact]
    public void MiniLm_cut_beyond_its_six_layers_is_refused_at_the_size() => ManifestAssert.SingleError(
        WeakAs("{ \"family\": \"minilm-l6\", \"size\": §\"l7\" }"),
        "W2S0016", "minilm-l6 model 'weak' size \"l7\": layers must be 1–6; leave 'size' out for the whole model.");

    [Fact]
    public void MiniLm_with_a_gpt2_shape_is_refused_with_the_form_it_takes() => ManifestAssert.SingleError(
        WeakAs("{ \"family\": \"minilm-l6\", \"size\": §\"w64-l2-h2\" }"),
        "W2S0016", "minilm-l6 model 'weak' size \"w64-l2-h2\": expected l<layers> (the first 1–6 of its 6 layers), e.g. \"l2\"; leave 'size' out for the whole model.");

    [Theory]
    [InlineData("l0", "layers must be 1–6")]
    [InlineData("l99999999999", "layers must be 1–6")]
    [InlineData("L2", "expected l<layers> (the first 1–6 of its 6 layers), e.g. \"l2\"")]
    public void First_layers_parser_says_why_a_size_is_refused(string text, string problem)
    {
        Assert.False(FirstLayers.TryParse(text, 6, out _, out var why));
        Assert.Equal(problem, why);
    }
}
