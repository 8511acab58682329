using System.Diagnostics.CodeAnalysis;
using Onnx;

namespace Livepeer.ModelBuilder;

/// <summary>A named node attribute, created through the typed factory methods.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Mirrors ONNX AttributeProto; not a .NET attribute.")]
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Factories mirror ONNX attribute type names.")]
public sealed class OnnxAttribute
{
    private OnnxAttribute(AttributeProto proto) => Proto = proto;

    /// <summary>The attribute name.</summary>
    public string Name => Proto.Name;

    internal AttributeProto Proto { get; }

    /// <summary>An integer attribute (ONNX <c>INT</c>).</summary>
    public static OnnxAttribute Int(string name, long value)
    {
        var proto = Create(name, AttributeProto.Types.AttributeType.Int);
        proto.I = value;
        return new OnnxAttribute(proto);
    }

    /// <summary>A float attribute (ONNX <c>FLOAT</c>).</summary>
    public static OnnxAttribute Float(string name, float value)
    {
        var proto = Create(name, AttributeProto.Types.AttributeType.Float);
        proto.F = value;
        return new OnnxAttribute(proto);
    }

    /// <summary>A UTF-8 string attribute (ONNX <c>STRING</c>).</summary>
    public static OnnxAttribute String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var proto = Create(name, AttributeProto.Types.AttributeType.String);
        proto.S = Google.Protobuf.ByteString.CopyFromUtf8(value);
        return new OnnxAttribute(proto);
    }

    /// <summary>An integer list attribute (ONNX <c>INTS</c>).</summary>
    public static OnnxAttribute Ints(string name, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var proto = Create(name, AttributeProto.Types.AttributeType.Ints);
        proto.Ints.Add(values);
        return new OnnxAttribute(proto);
    }

    /// <summary>A float list attribute (ONNX <c>FLOATS</c>).</summary>
    public static OnnxAttribute Floats(string name, params float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var proto = Create(name, AttributeProto.Types.AttributeType.Floats);
        proto.Floats.Add(values);
        return new OnnxAttribute(proto);
    }

    private static AttributeProto Create(string name, AttributeProto.Types.AttributeType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new AttributeProto { Name = name, Type = type };
    }
}
