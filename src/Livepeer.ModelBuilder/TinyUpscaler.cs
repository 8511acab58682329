namespace Livepeer.ModelBuilder;

/// <summary>Builds a "nearest resize + 3x3 conv stack" upscaler whose output approximates the resized input.</summary>
public static class TinyUpscaler
{
    /// <summary>Name of the graph input, shape [1, 3, height, width].</summary>
    public const string InputName = "image";

    /// <summary>Name of the graph output, shape [1, 3, height * scale, width * scale].</summary>
    public const string OutputName = "upscaled";

    // Each conv's noise is scaled by 1/fan-in so that, for inputs in [0, 1], one layer can move a value by at
    // most NoiseBudget (plus NoiseBudget/fan-in from its bias) regardless of width; wide models stay near identity.
    internal const float NoiseBudget = 0.01f;

    private const int Rgb = 3;
    private const int Kernel = 3;

    /// <summary>Serializes the upscaler described by <paramref name="spec"/> as an opset 13 ONNX model.</summary>
    public static byte[] Build(TinyUpscalerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.ParameterCount > TinyUpscalerSpec.MaxTargetParameterCount)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.ParameterCount, "Too many parameters to serialize in one protobuf message.");
        }

        var elementType = spec.Precision == TinyUpscalerPrecision.Float16 ? OnnxElementType.Float16 : OnnxElementType.Float;
        var builder = new OnnxGraphBuilder("tiny_upscaler")
            .AddInput(InputName, elementType, OnnxDim.Fixed(1), OnnxDim.Fixed(Rgb), OnnxDim.Symbolic("height"), OnnxDim.Symbolic("width"))
            .AddOutput(OutputName, elementType, OnnxDim.Fixed(1), OnnxDim.Fixed(Rgb), OnnxDim.Symbolic("out_height"), OnnxDim.Symbolic("out_width"))
            .AddInitializer("scales", [1f, 1f, spec.Scale, spec.Scale], 4)
            .AddNode(
                "Resize",
                [InputName, string.Empty, "scales"],
                ["resized"],
                OnnxAttribute.String("mode", "nearest"),
                OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"),
                OnnxAttribute.String("nearest_mode", "floor"));

        var noise = new DeterministicNoise(spec.Seed);
        var convCount = spec.HiddenLayers + 2;
        var current = "resized";
        for (var layer = 0; layer < convCount; layer++)
        {
            var isLast = layer == convCount - 1;
            var inChannels = layer == 0 ? Rgb : spec.HiddenChannels;
            var outChannels = isLast ? Rgb : spec.HiddenChannels;
            var prefix = $"conv{layer}";
            AddConvParameters(builder, spec.Precision, noise, prefix, inChannels, outChannels);

            var convOutput = isLast ? OutputName : $"{prefix}.out";
            builder.AddNode(
                "Conv",
                [current, $"{prefix}.weight", $"{prefix}.bias"],
                [convOutput],
                OnnxAttribute.Ints("kernel_shape", Kernel, Kernel),
                OnnxAttribute.Ints("pads", 1, 1, 1, 1));
            if (!isLast)
            {
                current = $"relu{layer}.out";
                builder.AddNode("Relu", [convOutput], [current]);
            }
        }

        return builder.Build(13);
    }

    private static void AddConvParameters(
        OnnxGraphBuilder builder, TinyUpscalerPrecision precision, DeterministicNoise noise, string prefix, int inChannels, int outChannels)
    {
        var fanIn = inChannels * Kernel * Kernel;
        var amplitude = NoiseBudget / fanIn;
        var weights = new float[outChannels * fanIn];
        var centre = Kernel * Kernel / 2;
        for (var o = 0; o < outChannels; o++)
        {
            for (var i = 0; i < inChannels; i++)
            {
                var offset = ((o * inChannels) + i) * Kernel * Kernel;
                for (var tap = 0; tap < Kernel * Kernel; tap++)
                {
                    // The centre tap of channel c -> c (c < 3) carries RGB through every layer unchanged.
                    weights[offset + tap] = o == i && o < Rgb && tap == centre ? 1f : noise.NextSymmetric(amplitude);
                }
            }
        }

        var bias = new float[outChannels];
        for (var o = 0; o < outChannels; o++)
        {
            bias[o] = noise.NextSymmetric(amplitude);
        }

        if (precision == TinyUpscalerPrecision.Float16)
        {
            builder.AddInitializerFloat16($"{prefix}.weight", weights, outChannels, inChannels, Kernel, Kernel);
            builder.AddInitializerFloat16($"{prefix}.bias", bias, outChannels);
        }
        else
        {
            builder.AddInitializer($"{prefix}.weight", weights, outChannels, inChannels, Kernel, Kernel);
            builder.AddInitializer($"{prefix}.bias", bias, outChannels);
        }
    }
}
