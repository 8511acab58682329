using System.Diagnostics.CodeAnalysis;

namespace Livepeer.ModelBuilder;

/// <summary>Element type of the tiny upscaler's image tensors and weights.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Names the numeric formats, as the task's API specifies.")]
public enum TinyUpscalerPrecision
{
    /// <summary>float32 image, weights and output.</summary>
    Float32 = 0,

    /// <summary>float16 image, weights and output (the Resize scales stay float32, as ONNX requires).</summary>
    Float16 = 1,
}
