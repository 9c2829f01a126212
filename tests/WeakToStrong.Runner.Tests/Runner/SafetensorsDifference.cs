using System.Buffers.Binary;
using System.Text.Json.Nodes;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// Where two safetensors files of the same model differ, tensor by tensor: for the run-key mismatch seen only in some
/// full CI runs (docs/architecture.md §9, "Known exception"), the failure message then says whether every tensor moved
/// (another float order from the first step) or a few did (one operation, one step), and by how much.
/// </summary>
static class SafetensorsDifference
{
    /// <summary>"name dtype: k of n elements differ, max |Δ| x" per differing tensor, or why they cannot be compared.</summary>
    public static string Explain(string expectedPath, string actualPath)
    {
        try
        {
            var (expectedHeader, expectedData) = Read(expectedPath);
            var (actualHeader, actualData) = Read(actualPath);
            var lines = new List<string>();
            int same = 0;
            foreach (var (name, node) in expectedHeader)
            {
                if (name == "__metadata__") continue;
                if (actualHeader[name] is not JsonObject other) { lines.Add($"{name}: missing"); continue; }
                string dtype = (string)node!["dtype"]!;
                var a = Slice(expectedData, node.AsObject());
                var b = Slice(actualData, other);
                if (a.SequenceEqual(b)) { same++; continue; }
                int width = dtype switch { "F32" => 4, "BF16" or "F16" => 2, _ => 1 };
                int n = a.Length / width, differ = 0;
                double max = 0;
                for (int i = 0; i < n && a.Length == b.Length; i++)
                {
                    if (a.Slice(i * width, width).SequenceEqual(b.Slice(i * width, width))) continue;
                    differ++;
                    max = Math.Max(max, Math.Abs(Value(a, i, dtype) - Value(b, i, dtype)));
                }
                lines.Add($"{name} {dtype}: {differ} of {n} elements differ, max |Δ| {max:G3}");
            }
            return $"{same} tensors identical; " + (lines.Count == 0 ? "none differ" : string.Join("; ", lines));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return $"cannot compare ({e.Message})";
        }
    }

    static (JsonObject Header, byte[] Data) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var header = JsonNode.Parse(bytes.AsSpan(8, (int)length).ToArray()) as JsonObject ?? throw new FormatException($"{path}: no header");
        return (header, bytes[(8 + (int)length)..]);
    }

    static ReadOnlySpan<byte> Slice(byte[] data, JsonObject tensor)
    {
        var offsets = tensor["data_offsets"]!.AsArray();
        int start = (int)(long)offsets[0]!, end = (int)(long)offsets[1]!;
        return data.AsSpan(start, end - start);
    }

    static double Value(ReadOnlySpan<byte> data, int i, string dtype) => dtype switch
    {
        "F32" => BinaryPrimitives.ReadSingleLittleEndian(data.Slice(i * 4, 4)),
        "BF16" => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(i * 2, 2)) << 16),
        "F16" => (double)BinaryPrimitives.ReadHalfLittleEndian(data.Slice(i * 2, 2)),
        _ => data[i],
    };
}
