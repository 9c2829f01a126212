using TorchSharp;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Models;

/// <summary>
/// A body plus a two-class head, as the reference implementation builds every weak, strong and ceiling model:
/// logits [B,2] from token ids [B,T] and a padding mask [B,T] (1 = real token). Lengths come from the mask,
/// never from counting non-zero ids (GPT-2's id 0 is "!": the reference's bug, docs/engine.md "Differences from the reference").
/// </summary>
public interface ISequenceClassifier : IDisposable
{
    /// <summary>Logits [B,2] (fp32 even when the body computes in bf16).</summary>
    Tensor Classify(Tensor inputIds, Tensor attentionMask);

    /// <summary>
    /// The whole classifier (body and head): what a checkpoint saves and what moves between devices. The trainer
    /// optimises the parameters that require grad (all of them, or only the head in linear-probe mode).
    /// </summary>
    nn.Module Module { get; }

    /// <summary>Turns texts into ids and masks this model understands (GPT-2 BPE or BERT WordPiece).</summary>
    ITextEncoder Encoder { get; }
}

/// <summary>Text to token ids, truncating or rejecting beyond a maximum context.</summary>
public interface ITextEncoder
{
    /// <summary>Token ids of one text, without padding.</summary>
    int[] Encode(string text);

    /// <summary>The id used to pad a batch (masked out, so its value never matters to the output).</summary>
    int PadId { get; }
}
