using TorchSharp.PyBridge;
using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

// docs/architecture.md §11: no Python stack here, so HF compatibility is shown with files in HF's exact layout
// whose logits are checked against an independent double-precision forward.
public class Gpt2HfCompatibilityTests
{
    private const int Vocab = 13, Positions = 8, Width = 16, Layers = 2, Heads = 2;
    private static readonly Gpt2Config Config = new(Vocab, Positions, Width, Layers, Heads);

    private static string WriteHfFile(Dictionary<string, (float[] Values, long[] Shape)> weights, string prefix, bool withExtras)
    {
        var state = weights.ToDictionary(kv => prefix + kv.Key, kv => tensor(kv.Value.Values, kv.Value.Shape));
        if (withExtras)
        {
            // What transformers also writes: the tied head and (older versions) the causal-mask buffers.
            state["lm_head.weight"] = tensor(weights["wte.weight"].Values, weights["wte.weight"].Shape);
            for (int l = 0; l < Layers; l++)
                state[$"{prefix}h.{l}.attn.bias"] = ones(1, 1, Positions, Positions).tril();
        }
        var path = Path.Combine(Path.GetTempPath(), $"w2s-hf-{Guid.NewGuid():N}.safetensors");
        Safetensors.SaveStateDict(path, state);
        foreach (var t in state.Values) t.Dispose();
        return path;
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("transformer.", true)]
    public void LogitsMatchIndependentDoublePrecisionForward(string prefix, bool withExtras)
    {
        var weights = ReferenceGpt2.RandomWeights(Vocab, Positions, Width, Layers, seed: 7);
        var path = WriteHfFile(weights, prefix, withExtras);
        try
        {
            using var model = new Gpt2Model(Config, seed: 123);
            Gpt2Checkpoint.LoadBody(model, path);
            var reference = new ReferenceGpt2(weights.ToDictionary(kv => kv.Key, kv => kv.Value.Values), Vocab, Width, Layers, Heads);
            int[] ids = [3, 0, 12, 7, 7, 1];
            var expected = reference.Logits(ids);
            using var x = tensor(ids.Select(i => (long)i).ToArray(), 1, ids.Length);
            using var _ = no_grad();
            using var logits = model.LmLogits(model.forward(x, null));
            var actual = logits.data<float>().ToArray();
            for (int i = 0; i < ids.Length; i++)
                for (int v = 0; v < Vocab; v++)
                    Assert.True(Math.Abs(expected[i][v] - actual[i * Vocab + v]) < 1e-4,
                        $"position {i} token {v}: reference {expected[i][v]}, model {actual[i * Vocab + v]}");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void RightPaddingDoesNotChangeRealPositions()
    {
        var weights = ReferenceGpt2.RandomWeights(Vocab, Positions, Width, Layers, seed: 8);
        var path = WriteHfFile(weights, "", false);
        try
        {
            using var model = new Gpt2Model(Config, seed: 1);
            Gpt2Checkpoint.LoadBody(model, path);
            var reference = new ReferenceGpt2(weights.ToDictionary(kv => kv.Key, kv => kv.Value.Values), Vocab, Width, Layers, Heads);
            int[] shortIds = [5, 0, 2];
            var expected = reference.Logits(shortIds);
            // Row 1 is the short sequence padded with 9s after its 3 real tokens.
            using var x = tensor(new long[] { 1, 2, 3, 4, 5, 6, 5, 0, 2, 9, 9, 9 }, 2, 6);
            using var mask = tensor(new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0 }, 2, 6);
            using var _ = no_grad();
            using var logits = model.LmLogits(model.forward(x, mask));
            var actual = logits[1].data<float>().ToArray();
            for (int i = 0; i < shortIds.Length; i++)
                for (int v = 0; v < Vocab; v++)
                    Assert.True(Math.Abs(expected[i][v] - actual[i * Vocab + v]) < 1e-4, $"position {i} token {v}");
            Assert.False(logits.isnan().any().item<bool>());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void SavedBodyHasBareHfKeysWithConv1DWeightsInOut()
    {
        using var model = new Gpt2Model(Config, seed: 3);
        var path = Path.Combine(Path.GetTempPath(), $"w2s-body-{Guid.NewGuid():N}.safetensors");
        try
        {
            Gpt2Checkpoint.SaveBody(model, path);
            var state = Safetensors.LoadStateDict(path);
            Assert.Equal(new long[] { Width, 3 * Width }, state["h.0.attn.c_attn.weight"].shape);
            Assert.Equal(new long[] { 4 * Width, Width }, state["h.1.mlp.c_proj.weight"].shape);
            Assert.Equal(new long[] { Vocab, Width }, state["wte.weight"].shape);
            Assert.Contains("ln_f.bias", state.Keys);
            Assert.DoesNotContain(state.Keys, k => k.StartsWith("transformer.") || k.StartsWith("lm_head"));
            Assert.Equal(4 + Layers * 12, state.Count);
            foreach (var t in state.Values) t.Dispose();
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void InitialisationFollowsHfStandardDeviations()
    {
        using var model = new Gpt2Model(new Gpt2Config(VocabSize: 64, NPositions: 64, NEmbd: 64, NLayer: 8, NHead: 1), seed: 0);
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter);
        Assert.Equal(0.02, p["h.0.attn.c_attn.weight"].std().item<float>(), 2);
        Assert.Equal(0.02 / Math.Sqrt(16), p["h.0.mlp.c_proj.weight"].std().item<float>(), 3);
        Assert.Equal(1f, p["h.3.ln_2.weight"].mean().item<float>());
        Assert.Equal(0f, p["h.3.mlp.c_fc.bias"].abs().sum().item<float>());
    }
}
