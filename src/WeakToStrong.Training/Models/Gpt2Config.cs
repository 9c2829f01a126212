namespace WeakToStrong.Training.Models;

/// <summary>
/// GPT-2 hyper-parameters, named as Hugging Face's <c>GPT2Config</c> names them (vocab_size, n_positions, n_embd,
/// n_layer, n_head, layer_norm_epsilon); the defaults are the reference's smallest, gpt2. A manifest's size becomes
/// one in the GPT-2 families' class (Runner/Families/Gpt2Family.cs), from a local size or a named preset
/// (Core/Manifests/ModelFamilies.cs).
/// </summary>
public sealed record Gpt2Config(
    int VocabSize = 50257,
    int NPositions = 1024,
    int NEmbd = 768,
    int NLayer = 12,
    int NHead = 12,
    double LayerNormEps = 1e-5)
{
    /// <summary>GPT-2's BPE vocabulary size (50,000 merges + 256 bytes + end-of-text).</summary>
    public const int Gpt2VocabSize = 50257;

    /// <summary>Width of one attention head.</summary>
    public int HeadDim => NEmbd / NHead;

    /// <summary>Parameters outside the embeddings (wte, wpe): what FLOPs ≈ 6·N·tokens counts (docs/architecture.md §9).</summary>
    public long NonEmbeddingParameters
    {
        get
        {
            long d = NEmbd;
            long perLayer = 2 * (2 * d)            // ln_1, ln_2
                + (d * 3 * d + 3 * d)              // c_attn
                + (d * d + d)                      // attn.c_proj
                + (d * 4 * d + 4 * d)              // c_fc
                + (4 * d * d + d);                 // mlp.c_proj
            return NLayer * perLayer + 2 * d;      // + ln_f
        }
    }
}
