using WeakToStrong.Training.Models;
using WeakToStrong.Training.Pretraining;

namespace WeakToStrong.Runner.Tests.Training;

public class LanguageModelPretrainerTests
{
    [Fact]
    public void LearnsAPeriodicStreamAndIsDeterministic()
    {
        // 0..15 repeated: after a few dozen steps the next token is predictable from the current one.
        var tokens = Enumerable.Range(0, 2000).Select(i => i % 16).ToArray();
        var options = new PretrainOptions { Steps = 60, BatchSize = 4, ContextLength = 16, LearningRate = 1e-2, WarmupSteps = 5, Seed = 9 };
        var config = new Gpt2Config(VocabSize: 16, NPositions: 16, NEmbd: 32, NLayer: 1, NHead: 1);
        PretrainResult Run()
        {
            using var model = new Gpt2Model(config, seed: 0);
            return LanguageModelPretrainer.Train(model, tokens, options);
        }
        var a = Run();
        Assert.Equal(Math.Log(16), a.Losses[0], 0);
        Assert.True(a.Losses[^1] < 0.5, $"final loss {a.Losses[^1]}");
        Assert.Equal(60L * 4 * 16, a.TokensTrained);
        Assert.Equal(a.Losses, Run().Losses);
    }
}
