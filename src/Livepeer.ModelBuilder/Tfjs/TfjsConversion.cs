namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>A converted model and facts about it.</summary>
/// <param name="Model">The serialized ONNX model: input [1, C, H, W] and output [1, C', H·scale, W·scale], float32, H and W free.</param>
/// <param name="InputName">The graph input's name.</param>
/// <param name="OutputName">The graph output's name.</param>
/// <param name="Scale">Output size over input size (4 for an ×4 upscaler).</param>
/// <param name="ParameterCount">Number of weight values read from the shards.</param>
/// <param name="Precision">Element type of the weights in <paramref name="Model"/>.</param>
/// <param name="PeakActivationsPerPixel">
/// Most activation values alive at once per input pixel, when the layers run in order and each tensor is freed after
/// its last reader: multiply by H·W and the element size for the activation memory of one run.
/// </param>
public sealed record TfjsConversion(
    byte[] Model, string InputName, string OutputName, double Scale, long ParameterCount, ConversionPrecision Precision, double PeakActivationsPerPixel)
{
    /// <summary>Bytes one weight or activation value takes at <see cref="Precision"/>.</summary>
    public int ElementBytes => Precision == ConversionPrecision.Float16 ? 2 : 4;

    /// <summary>Bytes the weights take at <see cref="Precision"/>.</summary>
    public long WeightBytes => ParameterCount * ElementBytes;
}
