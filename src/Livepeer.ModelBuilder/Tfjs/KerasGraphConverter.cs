using System.Globalization;
using System.Text.RegularExpressions;

namespace Livepeer.ModelBuilder.Tfjs;

/// <summary>
/// Translates the layers of a Keras functional model (NHWC) into ONNX nodes (NCHW): Conv2D, Activation, Concatenate,
/// Add, UpSampling2D, and the two custom layers of the UpscalerJS ESRGAN models, MultiplyBeta and PixelShuffle{n}x.
/// Anything else fails with an exception naming the layer.
/// </summary>
internal sealed partial class KerasGraphConverter
{
    private const string Supported = "InputLayer, Conv2D, Activation (linear, relu), Concatenate, Add, UpSampling2D (nearest), MultiplyBeta, PixelShuffle{n}x";

    // Keras NHWC axis -> ONNX NCHW axis, for rank-4 tensors.
    private static readonly int[] NchwAxis = [0, 2, 3, 1];

    private readonly TfjsLayersModel model;
    private readonly TfjsWeights weights;
    private readonly TfjsConversionOptions options;
    private readonly bool half;
    private readonly OnnxGraphBuilder builder;
    private readonly Dictionary<string, Value> values = new(StringComparer.Ordinal);
    private readonly ActivationLiveness liveness = new();

    public KerasGraphConverter(TfjsLayersModel model, TfjsWeights weights, TfjsConversionOptions options)
    {
        this.model = model;
        this.weights = weights;
        this.options = options;
        half = options.Precision == ConversionPrecision.Float16;
        builder = new OnnxGraphBuilder("keras");
    }

    /// <summary>Output size over input size, known once <see cref="Convert"/> ran.</summary>
    public int Scale { get; private set; }

    /// <summary>Most activation values alive at once per input pixel, known once <see cref="Convert"/> ran.</summary>
    public double PeakActivationsPerPixel => liveness.Peak;

    /// <summary>Builds the graph: float32 input and output named as the options say.</summary>
    public byte[] Convert(int opset)
    {
        foreach (var layer in model.Layers)
        {
            var inputs = layer.Inputs.Select(name => values.TryGetValue(name, out var value)
                ? value
                : throw new InvalidDataException($"{layer.Describe()} reads '{name}', which no earlier layer produces.")).ToArray();
            var output = ConvertLayer(layer, inputs);
            values.Add(layer.Name, output);
            liveness.Step(output.Name, output.ValuesPerPixel, inputs.Select(i => i.Name));
        }

        if (!values.TryGetValue(model.OutputLayer, out var result))
            throw new InvalidDataException($"The output layer '{model.OutputLayer}' is not among the model's layers.");
        var unused = weights.Unused.ToList();
        if (unused.Count > 0)
            throw new InvalidDataException($"No layer uses the weights {string.Join(", ", unused)}; the converter would silently drop them.");
        if (result.ScaleY != result.ScaleX)
            throw new NotSupportedException($"The output layer '{model.OutputLayer}' scales height by {result.ScaleY} but width by {result.ScaleX}; only equal scales are supported.");
        Scale = result.ScaleX;

        builder.AddOutput(
            options.OutputName, OnnxElementType.Float, OnnxDim.Fixed(1), OnnxDim.Fixed(result.Channels), OnnxDim.Symbolic("out_height"), OnnxDim.Symbolic("out_width"));
        FinishOutput(result.Name);
        return builder.Build(opset);
    }

    // Callers feed and read float32 whatever the weights are: fp16 graphs cast back, then the optional clip.
    private void FinishOutput(string current)
    {
        var clip = options.OutputMin is not null || options.OutputMax is not null;
        if (half)
        {
            var target = clip ? $"{options.OutputName}/float32" : options.OutputName;
            builder.AddNode("Cast", [current], [target], OnnxAttribute.Int("to", (long)OnnxElementType.Float));
            current = target;
        }

        if (clip)
        {
            var min = Scalar($"{options.OutputName}/min", options.OutputMin);
            var max = Scalar($"{options.OutputName}/max", options.OutputMax);
            builder.AddNode("Clip", [current, min, max], [options.OutputName]);
            current = options.OutputName;
        }

        if (current != options.OutputName)
            builder.AddNode("Identity", [current], [options.OutputName]);
    }

    // Clip-13 takes its bounds as optional scalar inputs of the data's type (float32 here, after the cast).
    private string Scalar(string name, float? value)
    {
        if (value is not { } given)
            return string.Empty;
        builder.AddInitializer(name, [given]);
        return name;
    }

    private Value ConvertLayer(KerasLayer layer, Value[] inputs)
    {
        if (values.ContainsKey(layer.Name))
            throw new InvalidDataException($"{layer.Describe()}: another layer has the same name.");
        if (layer.ClassName != "InputLayer" && inputs.Length == 0)
            throw new InvalidDataException($"{layer.Describe()} has no inputs.");

        return layer.ClassName switch
        {
            "InputLayer" => Input(layer),
            "Conv2D" => Conv2D(layer, Single(layer, inputs)),
            "Activation" => Activation(layer, Single(layer, inputs)),
            "Concatenate" => Concatenate(layer, inputs),
            "Add" => Add(layer, inputs),
            "UpSampling2D" => UpSampling2D(layer, Single(layer, inputs)),
            "MultiplyBeta" => MultiplyBeta(layer, Single(layer, inputs)),
            _ when PixelShuffleClass().Match(layer.ClassName) is { Success: true } match =>
                PixelShuffle(layer, Single(layer, inputs), int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)),
            _ => throw layer.Unsupported($"layer type '{layer.ClassName}' is not supported (supported: {Supported})"),
        };
    }

    private Value Input(KerasLayer layer)
    {
        if (layer.Name != model.InputLayer)
            throw layer.Unsupported($"the model's input is '{model.InputLayer}'; a second input layer is not supported");
        if (layer.String("dtype", "float32") != "float32")
            throw layer.Unsupported($"input dtype '{layer.String("dtype")}' is not supported (only float32)");
        var shape = layer.Shape(layer.Has("batch_input_shape") ? "batch_input_shape" : "batch_shape");
        if (shape is not [var n, var h, var w, { } channels])
            throw layer.Unsupported($"input shape [{string.Join(", ", shape)}] is not an NHWC image with a known channel count");
        if (n is not (null or 1))
            throw layer.Unsupported($"batch size {n} is fixed; the converted graph takes one image");

        // One image per run: a fixed batch of 1 lets the runtime plan memory without a free batch dimension.
        builder.AddInput(
            options.InputName,
            OnnxElementType.Float,
            OnnxDim.Fixed(1),
            OnnxDim.Fixed(channels),
            h is { } height ? OnnxDim.Fixed(height) : OnnxDim.Symbolic("height"),
            w is { } width ? OnnxDim.Fixed(width) : OnnxDim.Symbolic("width"));
        if (!half)
            return new Value(options.InputName, channels, 1, 1);
        var cast = $"{options.InputName}/float16";
        builder.AddNode("Cast", [options.InputName], [cast], OnnxAttribute.Int("to", (long)OnnxElementType.Float16));
        return new Value(cast, channels, 1, 1);
    }

    private Value Conv2D(KerasLayer layer, Value input)
    {
        RequireChannelsLast(layer);
        var filters = layer.Int("filters");
        var (kh, kw) = layer.IntPair("kernel_size");
        var (sh, sw) = layer.IntPair("strides", 1);
        if (sh != 1 || sw != 1)
            throw layer.Unsupported($"strides [{sh}, {sw}] are not supported (1)");
        var (dh, dw) = layer.IntPair("dilation_rate", 1);
        var padding = layer.String("padding", "valid");
        var activation = layer.String("activation", "linear");
        if (layer.Int("groups", 1) != 1)
            throw layer.Unsupported($"groups {layer.Int("groups")} (grouped convolution) is not supported");
        if (padding is not ("same" or "valid"))
            throw layer.Unsupported($"padding '{padding}' is not supported (same, valid)");
        if (activation is not ("linear" or "relu"))
            throw layer.Unsupported($"activation '{activation}' is not supported (linear, relu)");
        if (Math.Min(Math.Min(filters, kh), Math.Min(kw, Math.Min(dh, dw))) < 1)
            throw layer.Unsupported("filters, kernel_size and dilation_rate must be positive");

        var kernel = weights.Take(layer, "kernel", kh, kw, input.Channels, filters);
        var inputs = new List<string> { input.Name, AddWeight($"{layer.Name}/kernel", HwioToOihw(kernel, kh, kw, input.Channels, filters), filters, input.Channels, kh, kw) };
        if (layer.Bool("use_bias", true))
            inputs.Add(AddWeight($"{layer.Name}/bias", weights.Take(layer, "bias", filters), filters));

        var attributes = new List<OnnxAttribute>
        {
            OnnxAttribute.Ints("kernel_shape", kh, kw),
            OnnxAttribute.Ints("strides", 1, 1),
            OnnxAttribute.Ints("dilations", dh, dw),
        };
        if (padding == "valid")
        {
            attributes.Add(OnnxAttribute.Ints("pads", 0, 0, 0, 0));
        }
        else
        {
            // TF "same" with stride 1 pads (k - 1) * d in total, the odd pixel at the bottom/right, for any input size.
            long totalH = dh * (kh - 1), totalW = dw * (kw - 1);
            attributes.Add(OnnxAttribute.Ints("pads", totalH / 2, totalW / 2, totalH - (totalH / 2), totalW - (totalW / 2)));
        }

        var output = ValueName(layer);
        var convOutput = activation == "relu" ? $"{layer.Name}/linear" : output;
        builder.AddNode("Conv", [.. inputs], [convOutput], [.. attributes]);
        if (activation == "relu")
            builder.AddNode("Relu", [convOutput], [output]);
        return input with { Name = output, Channels = filters };
    }

    private Value Activation(KerasLayer layer, Value input)
    {
        var activation = layer.String("activation");
        switch (activation)
        {
            case "linear":
                return input;
            case "relu":
                var output = ValueName(layer);
                builder.AddNode("Relu", [input.Name], [output]);
                return input with { Name = output };
            default:
                throw layer.Unsupported($"activation '{activation}' is not supported (linear, relu)");
        }
    }

    private Value Concatenate(KerasLayer layer, Value[] inputs)
    {
        var axis = layer.Int("axis", -1);
        if (axis is < -4 or > 3)
            throw layer.Unsupported($"axis {axis} is outside a 4-d NHWC tensor");
        var onnxAxis = NchwAxis[(axis + 4) % 4];
        if (onnxAxis != 1)
            throw layer.Unsupported($"axis {axis} concatenates along {(onnxAxis == 0 ? "the batch" : "height or width")}; only the channel axis is supported");
        var output = ValueName(layer);
        builder.AddNode("Concat", [.. inputs.Select(i => i.Name)], [output], OnnxAttribute.Int("axis", onnxAxis));
        return inputs[0] with { Name = output, Channels = inputs.Sum(i => i.Channels) };
    }

    private Value Add(KerasLayer layer, Value[] inputs)
    {
        if (inputs.Length < 2)
            throw layer.Unsupported($"it adds {inputs.Length} tensor; at least 2 are needed");
        var channels = SameChannels(layer, inputs);
        var output = ValueName(layer);
        var sum = inputs[0].Name;
        for (var i = 1; i < inputs.Length; i++)
        {
            var target = i == inputs.Length - 1 ? output : $"{layer.Name}/sum{i}";
            builder.AddNode("Add", [sum, inputs[i].Name], [target]);
            sum = target;
        }

        return inputs[0] with { Name = output, Channels = channels };
    }

    private Value UpSampling2D(KerasLayer layer, Value input)
    {
        RequireChannelsLast(layer);
        var interpolation = layer.String("interpolation", "nearest");
        if (interpolation != "nearest")
            throw layer.Unsupported($"interpolation '{interpolation}' is not supported (nearest)");
        var (sh, sw) = layer.IntPair("size", 2);
        if (sh < 1 || sw < 1)
            throw layer.Unsupported("size must be positive");

        // Resize-13 takes float32 scales whatever the data type. Asymmetric + floor repeats each pixel, as Keras does.
        var scales = $"{layer.Name}/scales";
        builder.AddInitializer(scales, [1f, 1f, sh, sw], 4);
        var output = ValueName(layer);
        builder.AddNode(
            "Resize",
            [input.Name, string.Empty, scales],
            [output],
            OnnxAttribute.String("mode", "nearest"),
            OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"),
            OnnxAttribute.String("nearest_mode", "floor"));
        return input with { Name = output, ScaleY = input.ScaleY * sh, ScaleX = input.ScaleX * sw };
    }

    // UpscalerJS's residual scaling: the input times a constant beta (0.2 in every ESRGAN "rrdn" model).
    private Value MultiplyBeta(KerasLayer layer, Value input)
    {
        var beta = layer.Float("beta", 0.2f);
        var constant = AddWeight($"{layer.Name}/beta", [beta]);
        var output = ValueName(layer);
        builder.AddNode("Mul", [input.Name, constant], [output]);
        return input with { Name = output };
    }

    // UpscalerJS's PixelShuffle{n}x is tf.depthToSpace on NHWC, whose channel order (row, column, channel) is ONNX's DCR.
    private Value PixelShuffle(KerasLayer layer, Value input, int classScale)
    {
        var scale = layer.Int("scale", classScale);
        if (scale != classScale || scale < 1)
            throw layer.Unsupported($"config scale {scale} disagrees with the class name's {classScale}");
        if (input.Channels % (scale * scale) != 0)
            throw layer.Unsupported($"{input.Channels} input channels do not split into {scale}x{scale} blocks");
        var output = ValueName(layer);
        builder.AddNode("DepthToSpace", [input.Name], [output], OnnxAttribute.Int("blocksize", scale), OnnxAttribute.String("mode", "DCR"));
        return new Value(output, input.Channels / (scale * scale), input.ScaleY * scale, input.ScaleX * scale);
    }

    /// <summary>Keras kernels are [height, width, in, out]; ONNX Conv wants [out, in, height, width].</summary>
    internal static float[] HwioToOihw(float[] kernel, int height, int width, int inChannels, int outChannels)
    {
        var result = new float[kernel.Length];
        for (var h = 0; h < height; h++)
            for (var w = 0; w < width; w++)
                for (var i = 0; i < inChannels; i++)
                    for (var o = 0; o < outChannels; o++)
                        result[(((((o * inChannels) + i) * height) + h) * width) + w] = kernel[(((((h * width) + w) * inChannels) + i) * outChannels) + o];
        return result;
    }

    private string AddWeight(string name, float[] data, params long[] dims)
    {
        if (half)
            builder.AddInitializerFloat16(name, data, dims);
        else
            builder.AddInitializer(name, data, dims);
        return name;
    }

    // Values keep their Keras layer names, unless one would take the graph input's or output's name.
    private string ValueName(KerasLayer layer) =>
        layer.Name == options.InputName || layer.Name == options.OutputName ? $"{layer.Name}/keras" : layer.Name;

    private static Value Single(KerasLayer layer, Value[] inputs) =>
        inputs.Length == 1 ? inputs[0] : throw layer.Unsupported($"it has {inputs.Length} inputs; this layer type takes one");

    private static int SameChannels(KerasLayer layer, Value[] inputs) =>
        inputs.All(i => i.Channels == inputs[0].Channels)
            ? inputs[0].Channels
            : throw new InvalidDataException($"{layer.Describe()}: its inputs have different channel counts ({string.Join(", ", inputs.Select(i => i.Channels))}).");

    private static void RequireChannelsLast(KerasLayer layer)
    {
        var format = layer.String("data_format", "channels_last");
        if (format != "channels_last")
            throw layer.Unsupported($"data_format '{format}' is not supported (channels_last)");
    }

    [GeneratedRegex("^PixelShuffle([1-9][0-9]?)x$", RegexOptions.CultureInvariant)]
    private static partial Regex PixelShuffleClass();

    /// <summary>An ONNX value standing for a layer's output: its channel count (NCHW axis 1) and size over the input's.</summary>
    private readonly record struct Value(string Name, int Channels, int ScaleY, int ScaleX)
    {
        public double ValuesPerPixel => (double)Channels * ScaleY * ScaleX;
    }
}
