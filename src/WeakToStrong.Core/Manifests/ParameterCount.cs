namespace WeakToStrong.Core.Manifests;

/// <summary>
/// How many parameters a manifest's model has: the body the family builds (embeddings, transformer layers, final
/// norm), without the task head (2·width for a classifier, width for a reward model), so that one model has one size
/// whatever the setting. Computed from the architectures in Training (Gpt2Config, BertConfig) so that the report's
/// size axis needs no TorchSharp; Runner.Tests checks the numbers against the built modules.
/// </summary>
public static class ParameterCount
{
    /// <summary>GPT-2's BPE vocabulary and context: every GPT-2 the pipeline builds has them (Gpt2Config's defaults).</summary>
    public const int Gpt2Vocab = 50257, Gpt2Positions = 1024;

    /// <summary>all-MiniLM-L6-v2's shape (BertConfig.MiniLmL6). Its pooler is not built (BertModel), so it is not counted.</summary>
    public const int MiniLmVocab = 30522, MiniLmHidden = 384, MiniLmLayers = 6, MiniLmIntermediate = 1536, MiniLmPositions = 512, MiniLmTypes = 2;

    /// <param name="family">The manifest's spelling: gpt2-local, gpt2-hf, minilm-l6, bag-of-words, noisy-truth.</param>
    /// <param name="size">The manifest's size, as the family's <see cref="SizeRule"/> reads it.</param>
    /// <returns>Null for a name no family has, for a size the family does not build, and for a family that is no
    /// network (noisy-truth): a report then leaves the model off its size axis.</returns>
    public static long? Of(string family, string? size) => ModelFamilies.TryParse(family, out var f) ? Of(f, size) : null;

    /// <summary>What the family's row counts for <paramref name="size"/> (<see cref="ModelFamilyDescriptor.Parameters"/>).</summary>
    public static long? Of(ModelFamily family, string? size) => ModelFamilies.Of(family).Parameters(size);

    /// <summary>A bag of words has no body: it counts its hash table's buckets, one weight per hashed n-gram (the
    /// logistic regression's w; the classifier stores them as [buckets, 2] logits and a bias, the reward model as
    /// [buckets, 1] and a bias, both the same model up to the softmax's redundancy).</summary>
    public static long? BagOfWords(string? size) =>
        size is null ? HashBits.Of(null).Buckets
        : HashBits.TryParse(size, out var bits, out _) ? bits.Buckets : null;

    /// <summary>A local size (<see cref="ModelSize"/>).</summary>
    public static long? Gpt2Local(string? size) => ModelSize.TryParse(size, out var local, out _) ? Gpt2Body(local.Width, local.Layers) : null;

    /// <summary>One of <paramref name="presets"/> or a local size.</summary>
    public static long? Gpt2(string? size, IReadOnlyDictionary<string, ModelSize> presets) =>
        ModelSize.TryResolve(size, presets, out var shape, out _) ? Gpt2Body(shape.Width, shape.Layers) : null;

    /// <summary>The whole MiniLM-L6 or its first k layers (<see cref="FirstLayers"/>).</summary>
    public static long? MiniLm(string? size)
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
