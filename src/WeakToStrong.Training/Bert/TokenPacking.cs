using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>
/// A padded batch's real tokens as rows of one matrix [N,C]. Every part of a BERT layer but attention works token by
/// token (the linears, GELU, the residual sums, LayerNorm), so on the packed rows it skips the padding's work; only
/// attention needs the [B,T] layout, and gets it back with zeros in the padded places, which it masks as keys and
/// whose outputs as queries it drops. At <c>cpu</c> scale a fine-tuning batch is one minibatch of 16 random texts,
/// padded to the longest: half of brown-genre's and nlp-definitions' tokens were padding (docs/speed.md).
/// </summary>
/// <remarks>A real token's values are the padded layout's: the same rows go through the same per-token operations,
/// and attention reads the same unmasked entries (<c>PackedBertTests</c> holds the two layouts to the same logits
/// and gradients). Only float summation order changes, in the weight gradients, which no longer sum zero rows.</remarks>
internal sealed class TokenPacking : IDisposable
{
    /// <summary>Below this share of padding the copies in and out of the packed rows cost more than they save.</summary>
    public const double MinPaddedShare = 0.10;

    private readonly Tensor index; // [N] positions of the real tokens in the flattened [B·T]

    private TokenPacking(Tensor index, long batch, long length)
    {
        this.index = index;
        Batch = batch;
        Length = length;
    }

    public long Batch { get; }

    public long Length { get; }

    /// <summary>The packing of <paramref name="attentionMask"/> [B,T] (1 = real token), or null where padding is
    /// under <see cref="MinPaddedShare"/> of the batch and the padded layout is cheaper.</summary>
    public static TokenPacking? Of(Tensor attentionMask)
    {
        long b = attentionMask.shape[0], t = attentionMask.shape[1];
        using var flat = attentionMask.reshape(b * t).to_type(ScalarType.Bool);
        long real = flat.sum().item<long>();
        if (b * t - real < MinPaddedShare * b * t) return null;
        return new TokenPacking(flat.nonzero().view(-1), b, t);
    }

    /// <summary>[B,T,C] → the real tokens' rows [N,C].</summary>
    public Tensor Pack(Tensor padded) => padded.reshape(Batch * Length, padded.shape[2]).index_select(0, index);

    /// <summary>[N,C] → [B,T,C], zeros in the padded places.</summary>
    public Tensor Unpack(Tensor packed)
    {
        using var empty = zeros(Batch * Length, packed.shape[1], packed.dtype, packed.device);
        return empty.index_copy(0, index, packed).view(Batch, Length, packed.shape[1]);
    }

    public void Dispose() => index.Dispose();
}
