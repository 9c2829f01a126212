using WeakToStrong.Core.Manifests;
using WeakToStrong.Runner.Families;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// Core's <see cref="ParameterCount"/> (the report's size axis, worked out without TorchSharp) against the modules
/// the pipeline builds: the same count for the bundled sizes, and the shape each GPT-2 size builds.
/// </summary>
public sealed class ParameterCountModuleTests
{
    static long Count(TorchSharp.torch.nn.Module module) => module.parameters().Sum(p => p.numel());

    [Theory]
    [InlineData("w64-l2-h2")]
    [InlineData("w128-l2-h2")]
    [InlineData("w256-l4-h4")]
    public void A_local_gpt2s_count_is_its_built_bodys(string size)
    {
        var spec = ModelSize.TryParse(size, out var s, out _) ? s : throw new InvalidOperationException(size);
        using var body = new Gpt2Model(new Gpt2Config(NEmbd: s.Width, NLayer: s.Layers, NHead: s.Heads), seed: 0);

        Assert.Equal(Count(body), ParameterCount.Of("gpt2-local", size));
    }

    [Fact]
    public void MiniLms_count_is_its_built_encoders_and_a_truncation_drops_whole_layers()
    {
        using var full = new BertModel(BertConfig.MiniLmL6);
        using var two = new BertModel(BertConfig.MiniLmL6 with { Layers = 2 });

        Assert.Equal(Count(full), ParameterCount.Of("minilm-l6", null));
        Assert.Equal(Count(two), ParameterCount.Of("minilm-l6", "l2"));
    }

    [Theory]
    [InlineData("gpt2", 768, 12, 12)]
    [InlineData("gpt2-medium", 1024, 24, 16)]
    [InlineData("gpt2-large", 1280, 36, 20)]
    [InlineData("gpt2-xl", 1600, 48, 25)]
    [InlineData("w128-l2-h2", 128, 2, 2)]
    [InlineData("w32-l1-h1", 32, 1, 1)]
    public void A_gpt2_size_builds_the_shape_its_family_row_names_with_gpt2s_vocabulary_and_context(string size, int width, int layers, int heads)
    {
        var config = Gpt2Family.ConfigOf(new ModelSpec { Family = ModelFamily.Gpt2Hf, Size = size });
        Assert.Equal((width, layers, heads), (config.NEmbd, config.NLayer, config.NHead));
        Assert.Equal((ParameterCount.Gpt2Vocab, ParameterCount.Gpt2Positions), (config.VocabSize, config.NPositions));
    }
}
