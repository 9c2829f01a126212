using WeakToStrong.Training.Models;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>Right-pads token sequences into ids [B,T] and an attention mask [B,T] (1 = real token), int64.</summary>
public static class Collator
{
    /// <summary>
    /// What the trainer and the predictor feed <paramref name="classifier"/> for these examples: its own collation
    /// when it takes packed examples (<see cref="IPackedInput"/>, e.g. pairs for a reward model), plain padding
    /// with its encoder's pad id otherwise.
    /// </summary>
    public static (Tensor Ids, Tensor Mask) For(ISequenceClassifier classifier, IReadOnlyList<int[]> examples, Device device) =>
        classifier is IPackedInput packed
            ? packed.Collate(examples, classifier.Encoder.PadId, device)
            : Pad(examples, classifier.Encoder.PadId, device);

    public static (Tensor Ids, Tensor Mask) Pad(IReadOnlyList<int[]> sequences, int padId, Device device)
    {
        int b = sequences.Count;
        int t = 0;
        foreach (var s in sequences)
        {
            if (s.Length == 0) throw new ArgumentException("An example has no tokens: the classifier reads its last real token.");
            t = Math.Max(t, s.Length);
        }
        var ids = new long[b * t];
        var mask = new long[b * t];
        for (int i = 0; i < b; i++)
        {
            var s = sequences[i];
            for (int j = 0; j < t; j++)
            {
                ids[i * t + j] = j < s.Length ? s[j] : padId;
                mask[i * t + j] = j < s.Length ? 1 : 0;
            }
        }
        return (tensor(ids, b, t).to(device), tensor(mask, b, t).to(device));
    }
}
