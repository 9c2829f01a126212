using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>Word + learned absolute position + token type (segment) embeddings, then LayerNorm (HF names).</summary>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor, Tensor>
{
    // Field names are the HF parameter names: RegisterComponents() registers submodules under their field names
    // (an extra register_module under another name would register each one twice, as it once did here).
    private readonly Embedding word_embeddings;
    private readonly Embedding position_embeddings;
    private readonly Embedding token_type_embeddings;
    private readonly LayerNorm LayerNorm;

    public BertEmbeddings(BertConfig c) : base("embeddings")
    {
        word_embeddings = nn.Embedding(c.VocabSize, c.Hidden);
        position_embeddings = nn.Embedding(c.MaxPositions, c.Hidden);
        token_type_embeddings = nn.Embedding(c.TypeVocabSize, c.Hidden);
        LayerNorm = nn.LayerNorm(c.Hidden, c.LayerNormEps);
        RegisterComponents();
    }

    /// <summary>ids and token types [B,T] (int64) → [B,T,hidden]. Positions are 0..T-1 (padding is on the right).</summary>
    public override Tensor forward(Tensor inputIds, Tensor tokenTypeIds)
    {
        using var positions = arange(inputIds.shape[1], dtype: ScalarType.Int64, device: inputIds.device);
        using var words = word_embeddings.forward(inputIds);
        using var pos = position_embeddings.forward(positions);
        using var types = token_type_embeddings.forward(tokenTypeIds);
        using var sum = words + pos + types;
        return LayerNorm.forward(sum);
    }
}
