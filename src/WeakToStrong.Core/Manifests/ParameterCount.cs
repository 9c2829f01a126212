namespace WeakToStrong.Core.Manifests;

/// <summary>
/// How many parameters a manifest's model has: the body the family builds (embeddings, transformer layers, final
/// norm), without the task head (2·width for a classifier, width for a reward model), so that one model has one size
/// whatever the setting. Computed from the architectures in Training (Gpt2Config, BertConfig) so that the report's
/// size axis needs no TorchSharp; Engine tests check the numbers against the built modules.
/// </summary>
public static class ParameterCount
{
    /// <summary>GPT-2's BPE vocabulary and context: every GPT-2 the pipeline builds has them (Gpt2Config's defaults).</summary>
    public const int Gpt2Vocab = 50257, Gpt2Positions = 1024;

    /// <summary>The reference sizes (width, layers) that gpt2-hf accepts by name.</summary>
    public static readonly IReadOnlyDictionary<string, (int Width, int Layers)> Gpt2Presets = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["gpt2"] = (768, 12), ["gpt2-medium"] = (1024, 24), ["gpt2-large"] = (1280, 36), ["gpt2-xl"] = (1600, 48),
    };

    /// <summary>all-MiniLM-L6-v2's shape (BertConfig.MiniLmL6). Its pooler is not built (BertModel), so it is not counted.</summary>
    public const int MiniLmVocab = 30522, MiniLmHidden = 384, MiniLmLayers = 6, MiniLmIntermediate = 1536, MiniLmPositions = 512, MiniLmTypes = 2;

    /// <param name="family">The manifest's spelling: gpt2-local, gpt2-hf, minilm-l6, bag-of-words.</param>
    /// <param name="size">The manifest's size: w{width}-l{layers}-h{heads}, a gpt2-hf preset, for minilm-l6 none (all 6
    /// layers) or l{k} (its first k layers), for bag-of-words none (h18) or h{bits}.</param>
    /// <returns>Null for a family or size this function does not know: a report then leaves the model off its size axis.</returns>
    public static long? Of(string family, string? size) => family switch
    {
        "gpt2-local" or "gpt2-hf" => Gpt2(size),
        "minilm-l6" => MiniLm(size),
        "bag-of-words" => BagOfWords(size),
        // noisy-truth is no network (flipped ground truth): it has no parameters to count and no place on a size axis.
        _ => null,
    };

    /// <summary>A bag of words has no body: it counts its hash table's buckets, one weight per hashed n-gram (the
    /// logistic regression's w; the classifier stores them as [buckets, 2] logits and a bias, the reward model as
    /// [buckets, 1] and a bias, both the same model up to the softmax's redundancy).</summary>
    static long? BagOfWords(string? size) =>
        size is null ? HashBits.Of(null).Buckets
        : HashBits.TryParse(size, out var bits, out _) ? bits.Buckets : null;

    static long? Gpt2(string? size)
    {
        if (size is not null && Gpt2Presets.TryGetValue(size, out var preset)) return Gpt2Body(preset.Width, preset.Layers);
        return ModelSize.TryParse(size, out var local, out _) ? Gpt2Body(local.Width, local.Layers) : null;
    }

    static long? MiniLm(string? size)
    {
        if (size is null) return BertBody(MiniLmLayers);
        return FirstLayers.TryParse(size, MiniLmLayers, out var cut, out _) ? BertBody(cut.Count) : null;
    }

    /// <summary>wte + wpe, then per block ln_1, c_attn, attn.c_proj, ln_2, c_fc, mlp.c_proj (all with biases), then ln_f.
    /// The head count does not change the count.</summary>
    public static long Gpt2Body(long width, long layers, long vocab = Gpt2Vocab, long positions = Gpt2Positions)
    {
        long d = width;
        long block = 2 * d + (d * 3 * d + 3 * d) + (d * d + d) + 2 * d + (d * 4 * d + 4 * d) + (4 * d * d + d);
        return vocab * d + positions * d + layers * block + 2 * d;
    }

    /// <summary>Word, position and token-type embeddings with their LayerNorm, then per layer Q, K, V, attention output
    /// + LayerNorm, intermediate, output + LayerNorm (all with biases).</summary>
    public static long BertBody(long layers, long vocab = MiniLmVocab, long hidden = MiniLmHidden, long intermediate = MiniLmIntermediate,
        long positions = MiniLmPositions, long types = MiniLmTypes)
    {
        long h = hidden;
        long embeddings = (vocab + positions + types) * h + 2 * h;
        long layer = 4 * (h * h + h) + 2 * h + (h * intermediate + intermediate) + (intermediate * h + h) + 2 * h;
        return embeddings + layers * layer;
    }
}
