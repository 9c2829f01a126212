namespace WeakToStrong.Training.Models;

/// <summary>
/// An encoder that reads two texts as two segments (a BERT cross-encoder's [CLS] a [SEP] b [SEP]). Encoders without
/// it read a question–answer or prompt–response pair as one text (Runner's ItemEncoding says how).
/// </summary>
public interface IPairTextEncoder : ITextEncoder
{
    int[] EncodePair(string first, string second);
}
