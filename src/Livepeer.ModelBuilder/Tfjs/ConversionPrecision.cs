using System.Diagnostics.CodeAnalysis;

namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>Element type of a converted model's weights and inner tensors; graph inputs and outputs stay float32.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Names the numeric formats.")]
public enum ConversionPrecision
{
    /// <summary>float32 weights, as the source stores them.</summary>
    Float32 = 0,

    /// <summary>float16 weights and activations (for GPUs), with casts from and to float32 at the graph's edges.</summary>
    Float16 = 1,
}
