using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Livepeer.ModelBuilder;

/// <summary>Accumulates inputs, outputs, initializers and nodes of one ONNX graph and serializes it as a model.</summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The lowest opset <see cref="Build"/> accepts.</summary>
    public const int MinOpset = 7;

    /// <summary>The highest opset <see cref="Build"/> accepts.</summary>
    public const int MaxOpset = 21;

    private const string ProducerName = "Livepeer.ModelBuilder";

    private readonly GraphProto _graph;
    private readonly HashSet<string> _definedValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _outputNames = new(StringComparer.Ordinal);

    /// <summary>Starts an empty graph with the given name.</summary>
    public OnnxGraphBuilder(string graphName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        _graph = new GraphProto { Name = graphName };
    }

    /// <summary>Declares a graph input tensor.</summary>
    public OnnxGraphBuilder AddInput(string name, OnnxElementType type, params OnnxDim[] dims)
    {
        var info = CreateValueInfo(name, type, dims);
        Define(name, nameof(name));
        _graph.Input.Add(info);
        return this;
    }

    /// <summary>Declares a graph output tensor; some node must produce a value of that name.</summary>
    public OnnxGraphBuilder AddOutput(string name, OnnxElementType type, params OnnxDim[] dims)
    {
        var info = CreateValueInfo(name, type, dims);
        if (!_outputNames.Add(name))
        {
            throw new ArgumentException($"Output '{name}' is already declared.", nameof(name));
        }

        _graph.Output.Add(info);
        return this;
    }

    /// <summary>Adds a float32 constant tensor of the given shape.</summary>
    public OnnxGraphBuilder AddInitializer(string name, ReadOnlySpan<float> data, params long[] dims)
    {
        var tensor = CreateTensor(name, OnnxElementType.Float, data.Length, dims);
        var bytes = new byte[data.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(data).CopyTo(bytes);
        }
        else
        {
            for (var i = 0; i < data.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), data[i]);
            }
        }

        return AddTensor(tensor, bytes);
    }

    /// <summary>Adds a float16 constant tensor, rounding each float to the nearest IEEE half.</summary>
    public OnnxGraphBuilder AddInitializerFloat16(string name, ReadOnlySpan<float> data, params long[] dims)
    {
        var tensor = CreateTensor(name, OnnxElementType.Float16, data.Length, dims);
        var bytes = new byte[data.Length * sizeof(ushort)];
        for (var i = 0; i < data.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * sizeof(ushort)), (Half)data[i]);
        }

        return AddTensor(tensor, bytes);
    }

    /// <summary>Adds an int64 constant tensor of the given shape.</summary>
    public OnnxGraphBuilder AddInitializer(string name, ReadOnlySpan<long> data, params long[] dims)
    {
        var tensor = CreateTensor(name, OnnxElementType.Int64, data.Length, dims);
        var bytes = new byte[data.Length * sizeof(long)];
        for (var i = 0; i < data.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), data[i]);
        }

        return AddTensor(tensor, bytes);
    }

    /// <summary>Appends a node of the default ONNX domain; nodes must be added in topological order.</summary>
    public OnnxGraphBuilder AddNode(string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentOutOfRangeException.ThrowIfZero(outputs.Length, nameof(outputs));
        if (Array.Exists(inputs, i => i is null))
        {
            throw new ArgumentException("Input names must not be null; use \"\" for an omitted optional input.", nameof(inputs));
        }

        if (Array.Exists(outputs, string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Output names must not be empty.", nameof(outputs));
        }

        if (Array.Exists(attributes, a => a is null))
        {
            throw new ArgumentException("Attributes must not be null.", nameof(attributes));
        }

        foreach (var output in outputs)
        {
            Define(output, nameof(outputs));
        }

        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_graph.Node.Count}" };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        foreach (var attribute in attributes)
        {
            node.Attribute.Add(attribute.Proto);
        }

        _graph.Node.Add(node);
        return this;
    }

    /// <summary>Serializes the graph as an ONNX model importing the given default-domain opset.</summary>
    public byte[] Build(int opset = 13)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(opset, MinOpset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(opset, MaxOpset);
        if (_graph.Output.Count == 0)
        {
            throw new InvalidOperationException("The graph declares no outputs.");
        }

        var model = new ModelProto
        {
            IrVersion = IrVersionFor(opset),
            ProducerName = ProducerName,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        return model.ToByteArray();
    }

    /// <summary>Writes the serialized model to a file, replacing any existing file.</summary>
    public void Save(string path, int opset = 13)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllBytes(path, Build(opset));
    }

    // The oldest IR version that defines the opset keeps the model loadable by older runtimes too.
    internal static long IrVersionFor(int opset) => opset switch
    {
        <= 8 => 3,
        9 => 4,
        10 => 5,
        11 => 6,
        <= 14 => 7,
        <= 18 => 8,
        <= 20 => 9,
        _ => 10,
    };

    private static ValueInfoProto CreateValueInfo(string name, OnnxElementType type, OnnxDim[] dims)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CheckType(type);
        ArgumentNullException.ThrowIfNull(dims);
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            var proto = new TensorShapeProto.Types.Dimension();
            if (dim.Value is { } value)
            {
                proto.DimValue = value;
            }
            else if (dim.Symbol is { } symbol)
            {
                proto.DimParam = symbol;
            }

            shape.Dim.Add(proto);
        }

        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }

    private static void CheckType(OnnxElementType type)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown element type.");
        }
    }

    private static TensorProto CreateTensor(string name, OnnxElementType type, int length, long[] dims)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(dims);
        long count = 1;
        foreach (var dim in dims)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(dims));
            count = checked(count * dim);
        }

        if (count != length)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", dims)}] holds {count} elements but {length} were given.", nameof(dims));
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.Add(dims);
        return tensor;
    }

    private OnnxGraphBuilder AddTensor(TensorProto tensor, byte[] littleEndianBytes)
    {
        Define(tensor.Name, "name");
        // The buffer is private to this call, so wrapping avoids a second copy of large weights.
        tensor.RawData = UnsafeByteOperations.UnsafeWrap(littleEndianBytes);
        _graph.Initializer.Add(tensor);
        return this;
    }

    private void Define(string name, string paramName)
    {
        if (!_definedValues.Add(name))
        {
            throw new ArgumentException($"Value '{name}' is already defined in graph '{_graph.Name}'.", paramName);
        }
    }
}
