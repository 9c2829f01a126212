using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>
/// The noisy-truth family (issue 25, the easy-to-correct control supervisor): its size rule flip{f} (0 &lt; f &lt; 0.5,
/// required), that it is only a weak model (refused as a pair's strong model, as a later chain member, and without
/// 'pairs' when declared after another model), and what it refuses (a linear probe, weights), each with a located line.
/// </summary>
public class NoisyTruthManifestTests
{
    private const string Weak = "\"weak\": { \"family\": \"minilm-l6\" }";
    private const string Strong = "\"strong\": { \"family\": \"minilm-l6\" }";

    private static string WeakAs(string model) => ManifestSamples.With(Weak, "\"weak\": " + model);

    [Theory]
    [InlineData("flip0.25", 0.25, 16)]
    [InlineData("flip0.3", 0.3, 19)]
    [InlineData("flip0.001", 0.001, 0)]
    [InlineData("flip0.49", 0.49, 31)]
    [InlineData("flip0.0078125", 0.0078125, 1)] // 0.5 of an item rounds away from zero
    public void A_fraction_above_0_and_below_one_half_is_valid(string size, double fraction, int flippedOf64)
    {
        var result = ManifestLoader.Load(WeakAs($"{{ \"family\": \"noisy-truth\", \"size\": \"{size}\" }}"), ManifestAssert.File, TaskCatalog.Default);
        Assert.Empty(result.Diagnostics);
        var model = result.Manifest!.Models["weak"];
        Assert.Equal(ModelFamily.NoisyTruth, model.Family);
        Assert.Equal(fraction, FlipFraction.Of(model.Size).Fraction);
        Assert.Equal(flippedOf64, FlipFraction.Of(model.Size).FlippedOf(64));
        Assert.Null(ParameterCount.Of("noisy-truth", size));
    }

    [Theory]
    [InlineData("flip0.5", "the flipped fraction must be above 0 and below 0.5 (at 0.5 the labels carry no signal; above it they are anti-correlated)")]
    [InlineData("flip0.75", "the flipped fraction must be above 0 and below 0.5 (at 0.5 the labels carry no signal; above it they are anti-correlated)")]
    [InlineData("flip0.0", "the flipped fraction must be above 0 and below 0.5 (at 0.5 the labels carry no signal; above it they are anti-correlated)")]
    [InlineData("flip1", "expected flip<f> with a decimal fraction 0 < f < 0.5 of labels flipped, e.g. \"flip0.25\"")]
    [InlineData("flip.25", "expected flip<f> with a decimal fraction 0 < f < 0.5 of labels flipped, e.g. \"flip0.25\"")]
    [InlineData("0.25", "expected flip<f> with a decimal fraction 0 < f < 0.5 of labels flipped, e.g. \"flip0.25\"")]
    [InlineData("flip25%", "expected flip<f> with a decimal fraction 0 < f < 0.5 of labels flipped, e.g. \"flip0.25\"")]
    public void A_bad_size_is_refused_at_the_size_with_the_form_it_takes(string size, string problem) => ManifestAssert.SingleError(
        WeakAs($"{{ \"family\": \"noisy-truth\", \"size\": §\"{size}\" }}"),
        "W2S0016", $"noisy-truth model 'weak' size \"{size}\": {problem}.");

    [Fact]
    public void A_missing_size_is_refused_at_the_model_there_is_no_default_accuracy() => ManifestAssert.SingleError(
        WeakAs("§{ \"family\": \"noisy-truth\" }"),
        "W2S0016", "noisy-truth model 'weak' size none: expected flip<f> with a decimal fraction 0 < f < 0.5 of labels flipped, e.g. \"flip0.25\".");

    [Fact]
    public void The_size_error_points_at_line_and_column_of_the_value()
    {
        var result = ManifestLoader.Load(WeakAs("{ \"family\": \"noisy-truth\", \"size\": \"flip0.6\" }"), ManifestAssert.File, TaskCatalog.Default);
        Assert.Equal(["experiments/x.json(11,48): error W2S0016: noisy-truth model 'weak' size \"flip0.6\": the flipped fraction must be above 0 and below 0.5 (at 0.5 the labels carry no signal; above it they are anti-correlated)."],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void As_the_strong_model_of_a_declared_pair_it_is_refused_at_the_pair() => ManifestAssert.SingleError(
        ManifestSamples.With(Strong, "\"strong\": { \"family\": \"noisy-truth\", \"size\": \"flip0.25\" }")
            .Replace("\"losses\":", "\"pairs\": [[\"weak\", §\"strong\"]],\n  \"losses\":", StringComparison.Ordinal),
        "W2S0029", "Model 'strong' is noisy-truth, which is only a weak supervisor (flipped ground truth, no network to train): it cannot be a pair's strong model.");

    [Fact]
    public void Declared_after_another_model_without_pairs_it_would_be_a_strong_model_and_is_refused() => ManifestAssert.SingleError(
        ManifestSamples.With(Strong, "\"strong\": { \"family\": §\"noisy-truth\", \"size\": \"flip0.25\" }"),
        "W2S0029", "Model 'strong' is noisy-truth, which is only a weak supervisor: without 'pairs' it would be the strong model of every model declared before it; declare it first or list the pairs.");

    [Fact]
    public void As_a_later_member_of_a_bootstrap_chain_it_is_refused_at_the_member() => ManifestAssert.SingleError(
        ManifestSamples.With(Weak, "\"weak\": { \"family\": \"noisy-truth\", \"size\": \"flip0.25\" }, \"mid\": { \"family\": \"noisy-truth\", \"size\": \"flip0.1\" }")
            .Replace("\"losses\":", "\"pairs\": [[\"weak\", \"strong\"]],\n  \"bootstrap\": [[\"weak\", §\"mid\", \"strong\"]],\n  \"losses\":", StringComparison.Ordinal),
        "W2S0029", "Model 'mid' is noisy-truth, which is only a weak supervisor (flipped ground truth, no network to train): it can only be a chain's first model.");

    [Fact]
    public void A_linear_probe_is_refused_it_is_no_network() => ManifestAssert.SingleError(
        WeakAs("{ \"family\": \"noisy-truth\", \"size\": \"flip0.25\", \"linearProbe\": §true }"),
        "W2S0029", "Model 'weak' is noisy-truth, which is no network (its labels are flipped ground truth): there is no body to freeze, so leave 'linearProbe' out.");

    [Fact]
    public void Weights_are_refused_it_is_no_network() => ManifestAssert.SingleError(
        WeakAs("{ \"family\": \"noisy-truth\", \"size\": \"flip0.25\", \"weights\": §{ \"name\": \"w\", \"path\": \"w.safetensors\", \"sha256\": \"" + new string('0', 64) + "\" } }"),
        "W2S0029", "Model 'weak' is noisy-truth: only gpt2-hf models load weights (it is no network: its labels are flipped ground truth).");

    [Fact]
    public void As_the_weak_model_it_plans_a_weak_and_a_label_stage_on_the_data_alone()
    {
        var row = ModelFamilies.Of(ModelFamily.NoisyTruth);
        Assert.Equal((BodySource.None, SizeRule.FlipFraction, true), (row.Body, row.Size, row.WeakOnly));
        Assert.Equal("noisy-truth", ModelFamilies.Name(ModelFamily.NoisyTruth));
        Assert.All(ModelFamilies.All.Where(f => f.Family != ModelFamily.NoisyTruth), f => Assert.False(f.WeakOnly));

        var text = ManifestSamples.With(Weak, "\"weak\": { \"family\": \"noisy-truth\", \"size\": \"flip0.25\" }");
        var loaded = ManifestLoader.Load(text, "x.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, null, [], TaskCatalog.Default);
        Assert.True(resolved.Success, string.Join("\n", resolved.Diagnostics));
        var plan = PlanCompiler.Compile(resolved, "code-v1");

        Assert.Equal(["data/s0"], plan["weak/weak/s0"].DependsOn);
        Assert.Equal("flip0.25", (string)plan["weak/weak/s0"].Parameters["model"]!["size"]!);
        Assert.Equal(["weak/weak/s0", "data/s0"], plan["label/weak/s0"].DependsOn);
        Assert.DoesNotContain(plan.Stages, s => s.Id.StartsWith("ceiling/weak/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_learning_rate_change_moves_a_network_weak_stages_key_but_not_the_noisy_truth_weak_or_label_key_it_trains_nothing()
    {
        var text = ManifestSamples.With(Weak, "\"weak\": { \"family\": \"noisy-truth\", \"size\": \"flip0.25\" }");
        Plan Compile(params string[] sets)
        {
            var loaded = ManifestLoader.Load(text, "x.json", TaskCatalog.Default);
            var resolved = ManifestResolver.Resolve(loaded.Syntax!, null, [OverrideLayer.FromCommandLine(sets)], TaskCatalog.Default);
            Assert.True(resolved.Success, string.Join("\n", resolved.Diagnostics));
            return PlanCompiler.Compile(resolved, "code-v1");
        }

        var before = Compile();
        var after = Compile("training.lr=0.00123");

        Assert.Equal(before["weak/weak/s0"].Key, after["weak/weak/s0"].Key);
        Assert.Equal(before["label/weak/s0"].Key, after["label/weak/s0"].Key);
        Assert.NotEqual(before["ceiling/strong/s0"].Key, after["ceiling/strong/s0"].Key);
    }

    [Fact]
    public void The_size_parser_says_why_and_prints_the_size_back()
    {
        Assert.True(FlipFraction.TryParse("flip0.125", out var ok, out var none));
        Assert.Equal((0.125, "", "flip0.125"), (ok.Fraction, none, ok.ToString()));
        Assert.False(FlipFraction.TryParse("Flip0.125", out _, out _));
        Assert.Throws<ArgumentException>(() => FlipFraction.Of("flip0.5"));
        Assert.Throws<ArgumentException>(() => FlipFraction.Of(null));
    }
}
