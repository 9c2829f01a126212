using Microsoft.ML.OnnxRuntime;
using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Bert.Onnx;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Bert;

/// <summary>
/// Shared, process-wide: one imported MiniLM classifier and one onnxruntime session over the same embedded ONNX
/// file, the independent reference our TorchSharp forward is checked against.
/// </summary>
internal static class MiniLmReference
{
    private static readonly Lazy<BertClassifier> LazyModel = new(() => BertClassifier.CreateMiniLm(seed: 0));
    private static readonly Lazy<InferenceSession> LazySession = new(() =>
    {
        using var stream = MiniLmImporter.OpenResource(MiniLmImporter.ModelResource);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return new InferenceSession(bytes.ToArray());
    });

    public static BertClassifier Model => LazyModel.Value;

    /// <summary>onnxruntime's last_hidden_state [B,T,384] for right-padded ids, mask and token types.</summary>
    public static float[] OnnxHidden(long[][] ids, long[][] typeIds)
    {
        var session = LazySession.Value;
        int b = ids.Length, t = ids.Max(r => r.Length);
        long[] Flat(Func<long[], int, long> at) =>
            Enumerable.Range(0, b).SelectMany(i => Enumerable.Range(0, t).Select(j => j < ids[i].Length ? at(ids[i], j) : 0L)).ToArray();
        var shape = new long[] { b, t };
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = OrtValue.CreateTensorValueFromMemory(Flat((r, j) => r[j]), shape),
            ["attention_mask"] = OrtValue.CreateTensorValueFromMemory(Flat((_, _) => 1L), shape),
            ["token_type_ids"] = OrtValue.CreateTensorValueFromMemory(
                Enumerable.Range(0, b).SelectMany(i => Enumerable.Range(0, t).Select(j => j < typeIds[i].Length ? typeIds[i][j] : 0L)).ToArray(), shape),
        };
        try
        {
            var names = session.InputNames.ToArray();
            using var runOptions = new RunOptions();
            var output = session.OutputNames.Contains("last_hidden_state") ? "last_hidden_state" : session.OutputNames[0];
            using var results = session.Run(runOptions, names, names.Select(n => inputs[n]).ToArray(), [output]);
            return results[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var v in inputs.Values) v.Dispose();
        }
    }

    /// <summary>Right-padded ids and mask tensors [B,T] as our model takes them.</summary>
    public static (Tensor Ids, Tensor Mask) Batch(int[][] rows)
    {
        int b = rows.Length, t = rows.Max(r => r.Length);
        var ids = new long[b * t];
        var mask = new long[b * t];
        for (var i = 0; i < b; i++)
            for (var j = 0; j < rows[i].Length; j++)
            {
                ids[i * t + j] = rows[i][j];
                mask[i * t + j] = 1;
            }
        return (tensor(ids, [b, t]), tensor(mask, [b, t]));
    }

    /// <summary>Mean over the first n positions of row i, then L2-normalised: computed in double, independently.</summary>
    public static double[] PooledNormalised(float[] hidden, int t, int hiddenSize, int row, int n)
    {
        var mean = new double[hiddenSize];
        for (var j = 0; j < n; j++)
            for (var k = 0; k < hiddenSize; k++)
                mean[k] += hidden[(row * t + j) * hiddenSize + k] / (double)n;
        var norm = Math.Sqrt(mean.Sum(x => x * x));
        return mean.Select(x => x / norm).ToArray();
    }
}
