using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>training.earlyStopping: the paper's variants need an eval schedule, and weak-agreement a validation split.</summary>
public class EarlyStoppingManifestTests
{
    private const string File = ManifestAssert.File;

    private static void AssertSingle(string marked, string code, string message) => ManifestAssert.SingleError(marked, code, message);

    private const string Training = "\"training\": { \"epochs\": 1, \"lr\": 0.001 }";
    private const string Split = "\"split\": { \"seed\": 0, \"train1\": 10, \"train2\": 10, \"test\": 10 }";

    [Fact]
    public void Both_variants_with_a_schedule_and_a_validation_split_load()
    {
        var text = ManifestSamples.With(Training,
                "\"training\": { \"epochs\": 1, \"lr\": 0.001, \"evalEvery\": 5, \"earlyStopping\": [\"ground-truth\", \"weak-agreement\"] }")
            .Replace(Split, "\"split\": { \"seed\": 0, \"train1\": 10, \"train2\": 10, \"test\": 10, \"validation\": 4 }", StringComparison.Ordinal);
        var result = ManifestLoader.Load(text, File, TaskCatalog.Default);
        Assert.Empty(result.Diagnostics);
        Assert.Equal([EarlyStopping.GroundTruth, EarlyStopping.WeakAgreement], result.Manifest!.Training.EarlyStopping);
        Assert.Equal(4, result.Manifest.Data.Split.Validation);
    }

    [Fact]
    public void Absent_early_stopping_and_validation_default_to_none() =>
        Assert.Multiple(
            () => Assert.Null(ManifestLoader.Load(ManifestSamples.Minimal, File, TaskCatalog.Default).Manifest!.Training.EarlyStopping),
            () => Assert.Equal(0, ManifestLoader.Load(ManifestSamples.Minimal, File, TaskCatalog.Default).Manifest!.Data.Split.Validation));

    [Fact]
    public void A_variant_without_an_eval_schedule_is_an_error_naming_the_models() => AssertSingle(
        ManifestSamples.With(Training, "\"training\": { \"epochs\": 1, \"lr\": 0.001, \"earlyStopping\": §[\"ground-truth\"] }"),
        "W2S0029", "Early stopping picks a point of the eval schedule, but evalEvery is 0 for weak, strong: set training.evalEvery > 0.");

    [Fact]
    public void A_per_model_eval_schedule_counts() => AssertSingle(
        ManifestSamples.With(Training, "\"training\": { \"epochs\": 1, \"lr\": 0.001, \"earlyStopping\": §[\"ground-truth\"] }")
            .Replace("\"weak\": { \"family\": \"minilm-l6\" }", "\"weak\": { \"family\": \"minilm-l6\", \"training\": { \"evalEvery\": 2 } }", StringComparison.Ordinal),
        "W2S0029", "Early stopping picks a point of the eval schedule, but evalEvery is 0 for strong: set training.evalEvery > 0.");

    [Fact]
    public void Weak_agreement_without_a_validation_split_is_an_error() => AssertSingle(
        ManifestSamples.With(Training, "\"training\": { \"epochs\": 1, \"lr\": 0.001, \"evalEvery\": 5, \"earlyStopping\": §[\"weak-agreement\"] }"),
        "W2S0029", "Early stopping 'weak-agreement' compares the student with its supervisor on a validation split: set data.split.validation > 0.");

    [Fact]
    public void A_variant_listed_twice_is_an_error_at_the_second() => AssertSingle(
        ManifestSamples.With(Training, "\"training\": { \"epochs\": 1, \"lr\": 0.001, \"evalEvery\": 5, \"earlyStopping\": [\"ground-truth\", §\"ground-truth\"] }"),
        "W2S0026", "Early-stopping variant 'ground-truth' is listed twice.");

    [Fact]
    public void An_unknown_variant_is_an_enum_error() => AssertSingle(
        ManifestSamples.With(Training, "\"training\": { \"epochs\": 1, \"lr\": 0.001, \"evalEvery\": 5, \"earlyStopping\": [§\"oracle\"] }"),
        "W2S0015", "Unknown value for 'training.earlyStopping[0]' 'oracle'. Expected one of: ground-truth, weak-agreement.");

    [Fact]
    public void Linear_probe_is_read_per_model()
    {
        var text = ManifestSamples.Minimal.Replace("\"strong\": { \"family\": \"minilm-l6\" }",
            "\"strong\": { \"family\": \"minilm-l6\", \"linearProbe\": true }", StringComparison.Ordinal);
        var m = ManifestLoader.Load(text, File, TaskCatalog.Default).Manifest!;
        Assert.True(m.Models["strong"].LinearProbe);
        Assert.False(m.Models["weak"].LinearProbe);
    }
}
