using WeakToStrong.Training.Bert.Onnx;

namespace WeakToStrong.Runner.Tests.Bert;

public class MiniLmImporterTests
{
    [Fact]
    public void MatMulWeightIsNamedByItsBiasAndTransposed()
    {
        // x[1,3] @ W[3,2] (ONNX layout [in,out]) + l.bias, as the exporter writes a Linear.
        float[] w = [1, 2, 3, 4, 5, 6];
        var graph = new OnnxGraph(
            [
                new OnnxNode("MatMul", ["x", "927"], ["mm"]),
                new OnnxNode("Add", ["l.bias", "mm"], ["y"]),
                new OnnxNode("MatMul", ["y", "y"], ["attn"]), // activations only: not a weight
            ],
            new Dictionary<string, OnnxTensor>
            {
                ["927"] = new("927", [3, 2], w),
                ["l.bias"] = new("l.bias", [2], [0.5f, -0.5f]),
                ["encoder.layer.0.output.LayerNorm.weight"] = new("encoder.layer.0.output.LayerNorm.weight", [2], [1f, 1f]),
            });

        var state = MiniLmImporter.ToStateDict(graph);

        Assert.Equal(["encoder.layer.0.output.LayerNorm.weight", "l.weight"], state.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([2L, 3], state["l.weight"].Shape);
        Assert.Equal([1f, 3, 5, 2, 4, 6], state["l.weight"].Data);
    }

    [Fact]
    public void EmbeddedMiniLmHasEveryHuggingFaceWeight()
    {
        var state = MiniLmImporter.ImportEmbedded();

        // 5 embedding tensors + 16 per layer × 6 + pooler weight and bias.
        Assert.Equal(5 + 16 * 6 + 2, state.Count);
        Assert.Equal([30522L, 384], state["embeddings.word_embeddings.weight"].Shape);
        Assert.Equal([384L, 384], state["encoder.layer.5.attention.self.query.weight"].Shape);
        Assert.Equal([1536L, 384], state["encoder.layer.3.intermediate.dense.weight"].Shape);
        Assert.Equal([384L, 1536], state["encoder.layer.0.output.dense.weight"].Shape);
        Assert.Equal(22_713_216L, state.Values.Sum(w => w.Data.LongLength));
    }
}
