using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Engine.Tests.Training;

/// <summary>
/// Core's <see cref="ParameterCount"/> (the report's size axis, worked out without TorchSharp) against the modules
/// the pipeline builds: the same count for the bundled sizes, and the same presets as <see cref="Gpt2Config"/>.
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

    [Fact]
    public void The_presets_are_gpt2configs_presets()
    {
        foreach (var (name, (width, layers)) in ParameterCount.Gpt2Presets)
        {
            var config = Gpt2Config.Parse(name);
            Assert.Equal((config.NEmbd, config.NLayer), (width, layers));
            Assert.Equal((config.VocabSize, config.NPositions), (ParameterCount.Gpt2Vocab, ParameterCount.Gpt2Positions));
        }
    }
}
