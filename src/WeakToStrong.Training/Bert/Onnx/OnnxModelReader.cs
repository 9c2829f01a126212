using System.Runtime.InteropServices;
using Google.Protobuf;

namespace WeakToStrong.Training.Bert.Onnx;

/// <summary>A float32 initializer of an ONNX graph: its name, shape and values (row-major).</summary>
public sealed record OnnxTensor(string Name, long[] Dims, float[] Data);

/// <summary>One graph node: its operator and the names of its inputs and outputs.</summary>
public sealed record OnnxNode(string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);

/// <summary>The parts of an ONNX graph a weight importer needs.</summary>
public sealed record OnnxGraph(IReadOnlyList<OnnxNode> Nodes, IReadOnlyDictionary<string, OnnxTensor> Initializers);

/// <summary>
/// Reads the ONNX protobuf by hand (onnx.proto3 field numbers) instead of generating classes from onnx.proto:
/// only nodes and float initializers matter here. ModelProto.graph = 7; GraphProto.node = 1, initializer = 5;
/// NodeProto input = 1, output = 2, op_type = 4; TensorProto dims = 1, data_type = 2, float_data = 4,
/// name = 8, raw_data = 9. Non-float initializers (shape constants, position ids) are skipped.
/// </summary>
public static class OnnxModelReader
{
    private const int FloatDataType = 1; // TensorProto.DataType.FLOAT

    public static OnnxGraph Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var model = new CodedInputStream(buffer.GetBuffer(), 0, (int)buffer.Length);
        uint tag;
        while ((tag = model.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 7) return ReadGraph(model.ReadBytes());
            model.SkipLastField();
        }
        throw new InvalidDataException("ONNX model has no graph (ModelProto field 7).");
    }

    private static OnnxGraph ReadGraph(ByteString bytes)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var graph = bytes.CreateCodedInput();
        uint tag;
        while ((tag = graph.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: nodes.Add(ReadNode(graph.ReadBytes())); break;
                case 5:
                    if (ReadTensor(graph.ReadBytes()) is { } t) initializers.Add(t.Name, t);
                    break;
                default: graph.SkipLastField(); break;
            }
        }
        return new OnnxGraph(nodes, initializers);
    }

    private static OnnxNode ReadNode(ByteString bytes)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var opType = "";
        var node = bytes.CreateCodedInput();
        uint tag;
        while ((tag = node.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: inputs.Add(node.ReadString()); break;
                case 2: outputs.Add(node.ReadString()); break;
                case 4: opType = node.ReadString(); break;
                default: node.SkipLastField(); break;
            }
        }
        return new OnnxNode(opType, inputs, outputs);
    }

    private static OnnxTensor? ReadTensor(ByteString bytes)
    {
        var dims = new List<long>();
        var dataType = 0;
        var name = "";
        float[]? data = null;
        var floats = new List<float>();
        var tensor = bytes.CreateCodedInput();
        uint tag;
        while ((tag = tensor.ReadTag()) != 0)
        {
            var packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when packed: dims.AddRange(ReadPacked(tensor, s => s.ReadInt64())); break;
                case 1: dims.Add(tensor.ReadInt64()); break;
                case 2: dataType = tensor.ReadInt32(); break;
                case 4 when packed: floats.AddRange(ReadPacked(tensor, s => s.ReadFloat())); break;
                case 4: floats.Add(tensor.ReadFloat()); break;
                case 8: name = tensor.ReadString(); break;
                // ONNX raw_data is little-endian by specification, as is every machine TorchSharp runs on.
                case 9: data = MemoryMarshal.Cast<byte, float>(tensor.ReadBytes().Span).ToArray(); break;
                default: tensor.SkipLastField(); break;
            }
        }
        if (dataType != FloatDataType) return null;
        data ??= floats.ToArray();
        var expected = dims.Aggregate(1L, (a, b) => a * b);
        if (data.Length != expected)
            throw new InvalidDataException($"ONNX initializer '{name}' holds {data.Length} floats, its shape needs {expected}.");
        return new OnnxTensor(name, dims.ToArray(), data);
    }

    private static List<T> ReadPacked<T>(CodedInputStream input, Func<CodedInputStream, T> readOne)
    {
        var values = new List<T>();
        var packed = input.ReadBytes().CreateCodedInput();
        while (!packed.IsAtEnd) values.Add(readOne(packed));
        return values;
    }
}
