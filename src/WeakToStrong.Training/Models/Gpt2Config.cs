using System.Globalization;
using System.Text.RegularExpressions;

namespace WeakToStrong.Training.Models;

/// <summary>
/// GPT-2 hyper-parameters, named as Hugging Face's <c>GPT2Config</c> names them (vocab_size, n_positions, n_embd,
/// n_layer, n_head, layer_norm_epsilon). The four reference sizes are presets; the in-pipeline family is named
/// by width and depth ("w128-l2"), with 64-wide heads as in every reference size.
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

    public static Gpt2Config Gpt2 { get; } = new(NEmbd: 768, NLayer: 12, NHead: 12);
    public static Gpt2Config Gpt2Medium { get; } = new(NEmbd: 1024, NLayer: 24, NHead: 16);
    public static Gpt2Config Gpt2Large { get; } = new(NEmbd: 1280, NLayer: 36, NHead: 20);
    public static Gpt2Config Gpt2Xl { get; } = new(NEmbd: 1600, NLayer: 48, NHead: 25);

    private static readonly Regex LocalSize = new(@"^w(?<w>\d+)-l(?<l>\d+)$", RegexOptions.CultureInvariant);

    /// <summary>
    /// A preset ("gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl") or a local size "w{width}-l{layers}"
    /// (heads = ceil(width/64), at least 1; width must then divide by the head count).
    /// </summary>
    public static Gpt2Config Parse(string size, int vocabSize = Gpt2VocabSize, int nPositions = 1024)
    {
        var preset = size switch
        {
            "gpt2" => Gpt2,
            "gpt2-medium" => Gpt2Medium,
            "gpt2-large" => Gpt2Large,
            "gpt2-xl" => Gpt2Xl,
            _ => null,
        };
        if (preset is not null) return preset with { VocabSize = vocabSize, NPositions = nPositions };

        var m = LocalSize.Match(size);
        if (!m.Success)
            throw new FormatException(
                $"Unknown GPT-2 size '{size}': expected gpt2, gpt2-medium, gpt2-large, gpt2-xl or w<width>-l<layers> (e.g. w128-l2).");
        int width = int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
        int layers = int.Parse(m.Groups["l"].Value, CultureInfo.InvariantCulture);
        int heads = Math.Max(1, (width + 63) / 64);
        if (width <= 0 || layers <= 0 || width % heads != 0)
            throw new FormatException($"GPT-2 size '{size}': width {width} must be positive and divisible by {heads} heads; layers must be positive.");
        return new Gpt2Config(vocabSize, nPositions, width, layers, heads);
    }

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
