using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Plans;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>
/// The bag-of-words family (issue 25): its size rule h{bits} (10–24, h18 when absent), what it refuses (a linear
/// probe, weights) with the usual located line, and a plan that gives it no pretrain or weights stage.
/// </summary>
public class BagOfWordsManifestTests
{
    private const string Weak = "\"weak\": { \"family\": \"minilm-l6\" }";

    private static string WeakAs(string model) => ManifestSamples.With(Weak, "\"weak\": " + model);

    [Theory]
    [InlineData("h10", 10, 1_024L)]
    [InlineData("h18", 18, 262_144L)]
    [InlineData("h24", 24, 16_777_216L)]
    [InlineData(null, 18, 262_144L)]
    public void A_size_of_10_to_24_bits_is_valid_and_names_the_bucket_count(string? size, int bits, long buckets)
    {
        string sized = size is null ? "" : $", \"size\": \"{size}\"";
        var result = ManifestLoader.Load(WeakAs($"{{ \"family\": \"bag-of-words\"{sized} }}"), ManifestAssert.File, TaskCatalog.Default);
        Assert.Empty(result.Diagnostics);
        var model = result.Manifest!.Models["weak"];
        Assert.Equal(ModelFamily.BagOfWords, model.Family);
        Assert.Equal(bits, HashBits.Of(model.Size).Bits);
        Assert.Equal(buckets, HashBits.Of(model.Size).Buckets);
        Assert.Equal(buckets, ParameterCount.Of("bag-of-words", size));
    }

    [Theory]
    [InlineData("h9", "bits must be 10–24 (1,024 to 16,777,216 buckets)")]
    [InlineData("h25", "bits must be 10–24 (1,024 to 16,777,216 buckets)")]
    [InlineData("h99999999999", "bits must be 10–24 (1,024 to 16,777,216 buckets)")]
    [InlineData("18", "expected h<bits> (2^bits hash buckets, bits 10–24), e.g. \"h18\"")]
    [InlineData("w64-l2-h2", "expected h<bits> (2^bits hash buckets, bits 10–24), e.g. \"h18\"")]
    public void A_bad_size_is_refused_at_the_size_with_the_form_it_takes(string size, string problem) => ManifestAssert.SingleError(
        WeakAs($"{{ \"family\": \"bag-of-words\", \"size\": §\"{size}\" }}"),
        "W2S0016", $"bag-of-words model 'weak' size \"{size}\": {problem}; leave 'size' out for h18.");

    [Fact]
    public void The_size_error_points_at_line_and_column_of_the_value()
    {
        var result = ManifestLoader.Load(WeakAs("{ \"family\": \"bag-of-words\", \"size\": \"h8\" }"), ManifestAssert.File, TaskCatalog.Default);
        // Line 11 of the sample manifest; the value starts at column 49 ("weak" is indented by 4).
        Assert.Equal(["experiments/x.json(11,49): error W2S0016: bag-of-words model 'weak' size \"h8\": bits must be 10–24 (1,024 to 16,777,216 buckets); leave 'size' out for h18."],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_linear_probe_is_refused_there_is_no_body_to_freeze() => ManifestAssert.SingleError(
        WeakAs("{ \"family\": \"bag-of-words\", \"linearProbe\": §true }"),
        "W2S0029", "Model 'weak' is bag-of-words, which has no pretrained body to freeze: it is already a linear model, so leave 'linearProbe' out.");

    [Fact]
    public void Weights_are_refused_it_trains_from_zero() => ManifestAssert.SingleError(
        WeakAs("{ \"family\": \"bag-of-words\", \"weights\": §{ \"name\": \"w\", \"path\": \"w.safetensors\", \"sha256\": \"" + new string('0', 64) + "\" } }"),
        "W2S0029", "Model 'weak' is bag-of-words: only gpt2-hf models load weights (it has no pretrained body: it trains from zero).");

    [Fact]
    public void The_size_rule_parser_says_why()
    {
        Assert.True(HashBits.TryParse("h16", out var ok, out var none));
        Assert.Equal((16, 65_536L, "", "h16"), (ok.Bits, ok.Buckets, none, ok.ToString()));
        Assert.False(HashBits.TryParse("H16", out _, out var why));
        Assert.Equal("expected h<bits> (2^bits hash buckets, bits 10–24), e.g. \"h18\"", why);
        Assert.Throws<ArgumentException>(() => HashBits.Of("h30"));
        Assert.Null(ParameterCount.Of("bag-of-words", "h30"));
    }

    [Fact]
    public void Its_row_says_no_pretrained_body_and_the_plan_gives_it_no_stage_of_its_own()
    {
        var row = ModelFamilies.Of(ModelFamily.BagOfWords);
        Assert.Equal((BodySource.None, SizeRule.HashBits), (row.Body, row.Size));
        Assert.Equal("bag-of-words", ModelFamilies.Name(ModelFamily.BagOfWords));

        var text = ManifestSamples.With(Weak, "\"weak\": { \"family\": \"bag-of-words\", \"size\": \"h16\", \"training\": { \"lr\": 0.01, \"epochs\": 10 } }");
        var loaded = ManifestLoader.Load(text, "x.json", TaskCatalog.Default);
        Assert.Empty(loaded.Diagnostics);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, null, [], TaskCatalog.Default);
        Assert.True(resolved.Success, string.Join("\n", resolved.Diagnostics));
        var plan = PlanCompiler.Compile(resolved, "code-v1");

        Assert.DoesNotContain(plan.Stages, s => s.Id.StartsWith("pretrain/", StringComparison.Ordinal) || s.Id.StartsWith("weights/", StringComparison.Ordinal));
        Assert.Equal(["data/s0"], plan["weak/weak/s0"].DependsOn);
        Assert.Equal("bag-of-words", (string)plan["weak/weak/s0"].Parameters["model"]!["family"]!);
        Assert.Equal("h16", (string)plan["weak/weak/s0"].Parameters["model"]!["size"]!);
        Assert.Equal(0.01, (double)plan["weak/weak/s0"].Parameters["training"]!["lr"]!);
        Assert.Equal(["weak/weak/s0", "data/s0"], plan["label/weak/s0"].DependsOn);
    }
}
