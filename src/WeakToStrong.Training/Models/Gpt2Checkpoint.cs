using TorchSharp.PyBridge;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// GPT-2 bodies in Hugging Face's safetensors layout. We write bare keys (<c>h.0.attn.c_attn.weight</c>, …, as
/// the hub's gpt2 model.safetensors has them); we read bare keys or keys under <c>transformer.</c> (as
/// GPT2LMHeadModel / GPT2ForSequenceClassification save them), and ignore what is not a parameter of the body:
/// the tied <c>lm_head.weight</c> (it is wte), the causal-mask buffers <c>h.N.attn.bias</c> /
/// <c>h.N.attn.masked_bias</c> of older transformers versions, and a classification head (<c>score.weight</c>).
/// </summary>
public static class Gpt2Checkpoint
{
    public const string HfPrefix = "transformer.";

    /// <summary>Saves the body with bare HF keys.</summary>
    public static void SaveBody(Gpt2Model body, string path) => Checkpoint.Save(body, path);

    /// <summary>Loads a body from a file in HF layout (bare or <c>transformer.</c>-prefixed keys).</summary>
    public static void LoadBody(Gpt2Model body, string path)
    {
        var raw = Safetensors.LoadStateDict(path);
        try
        {
            var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var (key, value) in raw)
            {
                var name = key.StartsWith(HfPrefix, StringComparison.Ordinal) ? key[HfPrefix.Length..] : key;
                if (IsIgnored(name)) continue;
                if (!state.TryAdd(name, value))
                    throw new InvalidDataException($"{path}: '{name}' appears both with and without the '{HfPrefix}' prefix.");
            }
            Checkpoint.LoadState(body, state, strict: true, path);
        }
        finally { foreach (var t in raw.Values) t.Dispose(); }
    }

    private static bool IsIgnored(string name) =>
        name == "lm_head.weight" || name == "score.weight"
        || name.EndsWith(".attn.bias", StringComparison.Ordinal) && !name.Contains("c_attn") && !name.Contains("c_proj")
        || name.EndsWith(".attn.masked_bias", StringComparison.Ordinal);
}
