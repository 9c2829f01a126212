using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Bert;

/// <summary>Word + learned absolute position + token type (segment) embeddings, then LayerNorm (HF names).</summary>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _word;
    private readonly Embedding _position;
    private readonly Embedding _tokenType;
    private readonly LayerNorm _norm;

    public BertEmbeddings(BertConfig c) : base("embeddings")
    {
        _word = nn.Embedding(c.VocabSize, c.Hidden);
        _position = nn.Embedding(c.MaxPositions, c.Hidden);
        _tokenType = nn.Embedding(c.TypeVocabSize, c.Hidden);
        _norm = nn.LayerNorm(c.Hidden, c.LayerNormEps);
        register_module("word_embeddings", _word);
        register_module("position_embeddings", _position);
        register_module("token_type_embeddings", _tokenType);
        register_module("LayerNorm", _norm);
    }

    /// <summary>ids and token types [B,T] (int64) → [B,T,hidden]. Positions are 0..T-1 (padding is on the right).</summary>
    public override Tensor forward(Tensor inputIds, Tensor tokenTypeIds)
    {
        using var positions = arange(inputIds.shape[1], dtype: ScalarType.Int64, device: inputIds.device);
        using var words = _word.forward(inputIds);
        using var pos = _position.forward(positions);
        using var types = _tokenType.forward(tokenTypeIds);
        using var sum = words + pos + types;
        return _norm.forward(sum);
    }
}
