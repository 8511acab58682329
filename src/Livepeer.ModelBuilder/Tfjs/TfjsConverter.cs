namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>
/// Converts a TensorFlow.js layers-model (<c>model.json</c> holding a Keras functional config, plus its
/// <c>group*-shard*.bin</c> weight files) into an ONNX model: NCHW, batch 1, free height and width, opset 13, IR 7.
/// </summary>
public static class TfjsConverter
{
    /// <summary>The ONNX opset the converted graphs import.</summary>
    public const int Opset = 13;

    /// <summary>Reads <paramref name="modelJsonPath"/> and the shards next to it and builds the ONNX model.</summary>
    /// <param name="modelJsonPath">The tfjs <c>model.json</c>.</param>
    /// <param name="options">Names, precision and output clipping; defaults when null.</param>
    /// <exception cref="NotSupportedException">A layer type or layer setting has no ONNX translation here; the message names the layer.</exception>
    /// <exception cref="InvalidDataException">The files are malformed or inconsistent (missing shard, wrong weight shape, unused weight).</exception>
    public static TfjsConversion Convert(string modelJsonPath, TfjsConversionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelJsonPath);
        options ??= new TfjsConversionOptions();
        options.Validate();

        var model = TfjsLayersModel.Load(modelJsonPath);
        var weights = TfjsWeights.Read(model);
        var converter = new KerasGraphConverter(model, weights, options);
        var bytes = converter.Convert(Opset);
        return new TfjsConversion(
            bytes, options.InputName, options.OutputName, converter.Scale, weights.ParameterCount, options.Precision, converter.PeakActivationsPerPixel);
    }
}
