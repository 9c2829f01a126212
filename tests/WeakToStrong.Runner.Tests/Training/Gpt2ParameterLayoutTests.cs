using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// Pins that every Gpt2Classifier tensor is registered once, under its GPT2ForSequenceClassification name: a
/// tensor listed twice in parameters() would get two Adam states and two updates per step.
/// </summary>
public class Gpt2ParameterLayoutTests
{
    private static IEnumerable<string> ExpectedNames(int layers)
    {
        yield return "transformer.wte.weight";
        yield return "transformer.wpe.weight";
        string[] perBlock = ["ln_1", "attn.c_attn", "attn.c_proj", "ln_2", "mlp.c_fc", "mlp.c_proj"];
        for (var i = 0; i < layers; i++)
            foreach (var module in perBlock)
            {
                yield return $"transformer.h.{i}.{module}.weight";
                yield return $"transformer.h.{i}.{module}.bias";
            }
        yield return "transformer.ln_f.weight";
        yield return "transformer.ln_f.bias";
        yield return "score.weight";
    }

    [Fact]
    public void StateDictHoldsExactlyTheHuggingFaceNames()
    {
        using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 0);
        var state = model.Module.state_dict();
        Assert.Equal(29, state.Count); // 2 embeddings + 12 per block × 2 + ln_f (2) + score
        Assert.Equal(ExpectedNames(TinyTask.Config.NLayer).Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParametersHoldNoTensorTwiceAndCountIsExact()
    {
        using var model = Gpt2Classifier.Create(TinyTask.Config, seed: 0);
        var parameters = model.Module.parameters().ToList();
        Assert.Equal(29, parameters.Count);
        Assert.Equal(parameters.Count, parameters.Select(p => p.Handle).Distinct().Count());
        // wte 50·32 + wpe 16·32 + 2 × (2 LN·64 + c_attn 32·96+96 + c_proj 32·32+32 + c_fc 32·128+128
        // + c_proj 128·32+32) + ln_f 64 + score 2·32.
        Assert.Equal(1_600L + 512 + 2 * (128 + 3_168 + 1_056 + 4_224 + 4_128) + 64 + 64, parameters.Sum(p => p.numel()));
        Assert.Equal(27_648L, parameters.Sum(p => p.numel()));
    }
}
