using WeakToStrong.Training.Models;
using WeakToStrong.Training.Pretraining;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace WeakToStrong.Runner.Tests.Training;

public class ChunkedLanguageModelLossTests
{
    [Theory]
    [InlineData(4)]    // chunks that do not divide the 30 tokens
    [InlineData(128)]  // one chunk
    public void LossAndEveryGradientEqualAutogradThroughTheWholeLogits(int chunk)
    {
        var config = new Gpt2Config(VocabSize: 37, NPositions: 16, NEmbd: 16, NLayer: 2, NHead: 2);
        using var a = new Gpt2Model(config, seed: 3);
        using var b = new Gpt2Model(config, seed: 3);
        var x = randint(0, 37, new long[] { 3, 10 }, generator: new TorchSharp.torch.Generator(5));
        var y = randint(0, 37, new long[] { 30 }, generator: new TorchSharp.torch.Generator(6));

        var expected = F.cross_entropy(a.LmLogits(a.forward(x, null)).view(-1, 37), y);
        expected.backward();
        var hidden = b.forward(x, null);
        double actual = ChunkedLanguageModelLoss.ForwardBackward(hidden.view(-1, 16), b.TiedHeadWeight, y, chunk);

        Assert.Equal(expected.item<float>(), actual, 5);
        var gradsA = a.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, p) in b.named_parameters())
            Assert.True(gradsA[name].allclose(p.grad!, rtol: 1e-4, atol: 1e-6), $"gradient of {name} differs");
    }
}
