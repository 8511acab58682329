using System.Diagnostics.CodeAnalysis;

namespace Livepeer.ModelBuilder;

/// <summary>Tensor element types the builder can declare; values equal ONNX <c>TensorProto.DataType</c> codes.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Members mirror ONNX TensorProto.DataType names.")]
public enum OnnxElementType
{
    /// <summary>IEEE 754 single precision (<c>tensor(float)</c>).</summary>
    Float = 1,

    /// <summary>32-bit signed integer (<c>tensor(int32)</c>).</summary>
    Int32 = 6,

    /// <summary>64-bit signed integer (<c>tensor(int64)</c>).</summary>
    Int64 = 7,

    /// <summary>Boolean.</summary>
    Bool = 9,

    /// <summary>IEEE 754 half precision (<c>tensor(float16)</c>).</summary>
    Float16 = 10,
}
