using WeakToStrong.Training.Bert;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Bert;

public class BertClassifierTests
{
    private static (Tensor Ids, Tensor Mask) TwoTexts(BertClassifier model) =>
        MiniLmReference.Batch([model.Encoder.Encode("a fox"), model.Encoder.Encode("The lazy dog sleeps all day.")]);

    [Fact]
    public void HeadIsZeroAtInitSoLogitsAreZero()
    {
        var model = MiniLmReference.Model;
        Assert.Equal([2L, 384], model.Head.weight!.shape);
        Assert.Null(model.Head.bias);
        Assert.True(model.Head.weight!.eq(0).all().item<bool>());
        var (ids, mask) = TwoTexts(model);
        using var _ = ids;
        using var __ = mask;
        using var logits = model.Classify(ids, mask);
        Assert.Equal(ScalarType.Float32, logits.dtype);
        Assert.Equal(new float[4], logits.data<float>().ToArray());
    }

    [Fact]
    public void MiniLmCutToTwoLayersKeepsTheImportedEmbeddingsAndFirstTwoLayersExactly()
    {
        using var cut = BertClassifier.CreateMiniLm(seed: 0, layers: 2);
        var whole = MiniLmReference.Model.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var kept = cut.Module.named_parameters().ToArray();
        // embeddings (11,918,592) + 2 × 1,774,464 per layer + the 768-weight head
        Assert.Equal(11_918_592L + 2 * 1_774_464L + 768, kept.Sum(p => p.parameter.numel()));
        Assert.DoesNotContain(kept, p => p.name.StartsWith("bert.encoder.layer.2.", StringComparison.Ordinal));
        Assert.All(kept, p => Assert.True(p.parameter.eq(whole[p.name]).all().item<bool>(), p.name));
    }

    [Fact]
    public void LinearProbeFreezesTheBodyAndTrainsOnlyTheHead()
    {
        using var model = BertClassifier.CreateMiniLm(seed: 1, linearProbe: true);
        var trainable = model.Module.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToArray();
        Assert.Equal(["classifier.weight"], trainable);

        var (ids, mask) = TwoTexts(model);
        using var _ = ids;
        using var __ = mask;
        using var loss = nn.functional.cross_entropy(model.Classify(ids, mask), tensor(new long[] { 0, 1 }));
        loss.backward();
        Assert.True(model.Head.weight!.grad!.abs().sum().item<float>() > 0);
        Assert.All(model.Body.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void FullFineTuningGivesEveryBodyParameterAGradient()
    {
        using var model = BertClassifier.CreateMiniLm(seed: 2);
        using (no_grad()) model.Head.weight!.normal_(); // a zero head passes no gradient back into the body
        var (ids, mask) = TwoTexts(model);
        using var _ = ids;
        using var __ = mask;
        using var loss = nn.functional.cross_entropy(model.Classify(ids, mask), tensor(new long[] { 0, 1 }));
        loss.backward();
        var missing = model.Body.named_parameters().Where(p => p.parameter.grad is null).Select(p => p.name).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Bf16ComputeKeepsFp32ParametersAndLogitsCloseToFp32()
    {
        using var model = BertClassifier.CreateMiniLm(seed: 3);
        using (no_grad()) model.Head.weight!.copy_(linspace(-1, 1, 768).reshape(2, 384));
        var (ids, mask) = TwoTexts(model);
        using var _ = ids;
        using var __ = mask;
        using var fp32 = model.Classify(ids, mask);
        model.ComputeType = ScalarType.BFloat16;
        using var bf16 = model.Classify(ids, mask);

        Assert.Equal(ScalarType.Float32, bf16.dtype);
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.Float32, p.dtype));
        Assert.True(bf16.ne(fp32).any().item<bool>()); // the bf16 path really ran
        var worst = (bf16 - fp32).abs().max().item<float>();
        Assert.True(worst < 0.05f * fp32.abs().max().item<float>(), $"bf16 drifted {worst}");
    }

}

/// <summary>
/// Reads the process-wide generator, which every model factory saves and restores around its default layer
/// initialisation: run alone, or another test's restore lands between this one's seed and draw.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGeneratorCollection
{
    public const string Name = "global generator";
}

[Collection(GlobalGeneratorCollection.Name)]
public class GlobalGeneratorTests
{
    [Fact]
    public void MiniLmFactoryLeavesTheGlobalGeneratorUntouched()
    {
        manual_seed(42);
        using var expected = rand(3);
        manual_seed(42);
        using (BertClassifier.CreateMiniLm(seed: 4)) { }
        using var after = rand(3);
        Assert.Equal(expected.data<float>().ToArray(), after.data<float>().ToArray());
    }
}
