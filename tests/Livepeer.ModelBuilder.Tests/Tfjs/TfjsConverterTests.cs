using System.Text.Json.Nodes;
using Livepeer.ModelBuilder.Tfjs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Livepeer.ModelBuilder.Tests.Tfjs;

/// <summary>Hand-built tfjs layers-models converted and run in ONNX Runtime, against the same layers computed in NHWC here.</summary>
public sealed class TfjsConverterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("livepeer-tfjs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // An RDN-style block: convs (3x3, odd "same" 2x2, 1x1 valid), relu, channel concat, residual add, nearest ×2, output conv.
    private static (TfjsModelFile File, Func<Nhwc, Nhwc> Reference) RdnStyle()
    {
        var k1 = Nhwc.RandomWeights(3 * 3 * 3 * 4, 1, 0.5f);
        var b1 = Nhwc.RandomWeights(4, 2, 0.1f);
        var k2 = Nhwc.RandomWeights(2 * 2 * 4 * 4, 3, 0.5f);
        var b2 = Nhwc.RandomWeights(4, 4, 0.1f);
        var k3 = Nhwc.RandomWeights(8 * 4, 5, 0.5f);
        var b3 = Nhwc.RandomWeights(4, 6, 0.1f);
        var k4 = Nhwc.RandomWeights(3 * 3 * 4 * 3, 7, 0.5f);
        var b4 = Nhwc.RandomWeights(3, 8, 0.1f);
        var file = new TfjsModelFile(3)
            .Conv2D("F_m1", "LR", k1, b1, 3, 3)
            .Layer("Activation", "F_m1_Relu", new JsonObject { ["activation"] = "relu" }, "F_m1")
            .Conv2D("F_1", "F_m1_Relu", k2, b2, 2, 4, activation: "relu")
            .Layer("Concatenate", "Concat", new JsonObject { ["axis"] = 3 }, "F_m1_Relu", "F_1")
            .Conv2D("LFF", "Concat", k3, b3, 1, 8, padding: "valid")
            .Layer("Activation", "LFF_linear", new JsonObject { ["activation"] = "linear" }, "LFF")
            .Layer("Add", "LRL", null, "LFF_linear", "F_m1")
            .Layer("UpSampling2D", "UPsample", new JsonObject { ["size"] = new JsonArray(2, 2), ["data_format"] = "channels_last", ["interpolation"] = "nearest" }, "LRL")
            .Conv2D("SR", "UPsample", k4, b4, 3, 4);
        return (file, x =>
        {
            var fm1 = x.Conv2D(k1, b1, 3, same: true);
            var relu = fm1.Relu();
            var f1 = relu.Conv2D(k2, b2, 2, same: true).Relu();
            var lff = relu.Concat(f1).Conv2D(k3, b3, 1, same: false);
            return lff.Add(fm1).UpSample(2).Conv2D(k4, b4, 3, same: true);
        });
    }

    // An RRDN-style tail: conv to 12 channels, residual scaled by beta, pixel shuffle ×2 to 3 channels.
    private static (TfjsModelFile File, Func<Nhwc, Nhwc> Reference) RrdnStyle()
    {
        var k1 = Nhwc.RandomWeights(3 * 3 * 3 * 12, 11, 0.5f);
        var b1 = Nhwc.RandomWeights(12, 12, 0.1f);
        var k2 = Nhwc.RandomWeights(3 * 3 * 12 * 12, 13, 0.3f);
        var b2 = Nhwc.RandomWeights(12, 14, 0.1f);
        var file = new TfjsModelFile(3, "LR_input")
            .Conv2D("Pre", "LR_input", k1, b1, 3, 3)
            .Conv2D("F_1", "Pre", k2, b2, 3, 12, activation: "relu")
            .Layer("MultiplyBeta", "multiply_beta", new JsonObject { ["beta"] = 0.2 }, "F_1")
            .Layer("Add", "LRL", null, "Pre", "multiply_beta")
            .Layer("PixelShuffle2x", "pixel_shuffle", new JsonObject { ["scale"] = 2 }, "LRL");
        return (file, x =>
        {
            var pre = x.Conv2D(k1, b1, 3, same: true);
            var scaled = pre.Conv2D(k2, b2, 3, same: true).Relu().Map(v => v * 0.2f);
            return pre.Add(scaled).DepthToSpace(2);
        });
    }

    private static float[] Run(TfjsConversion conversion, Nhwc input)
    {
        var (output, shape) = OrtRunner.Run(conversion.Model, conversion.InputName, input.ToNchw(), input.NchwShape);
        Assert.Equal(4, shape.Length);
        return output;
    }

    [Fact]
    public void Convert_RdnStyleModel_MatchesKerasReference()
    {
        var (file, reference) = RdnStyle();
        var input = Nhwc.Random(5, 7, 3, seed: 21);

        var conversion = TfjsConverter.Convert(file.Save(folder));

        var expected = reference(input);
        var (output, shape) = OrtRunner.Run(conversion.Model, "input", input.ToNchw(), input.NchwShape);
        Assert.Equal(expected.NchwShape, shape);
        Assert.InRange(OrtRunner.MaxAbsDifference(output, expected.ToNchw()), 0f, 1e-5f);
        Assert.Equal(2, conversion.Scale);
        Assert.Equal((3 * 3 * 3 * 4) + 4 + (2 * 2 * 4 * 4) + 4 + (8 * 4) + 4 + (3 * 3 * 4 * 3) + 3, conversion.ParameterCount);
    }

    [Fact]
    public void Convert_RrdnStyleModel_MatchesKerasReference()
    {
        var (file, reference) = RrdnStyle();
        var input = Nhwc.Random(6, 4, 3, seed: 22);

        var conversion = TfjsConverter.Convert(file.Save(folder));

        var expected = reference(input);
        var (output, shape) = OrtRunner.Run(conversion.Model, "input", input.ToNchw(), input.NchwShape);
        Assert.Equal([1L, 3L, 12L, 8L], shape);
        Assert.InRange(OrtRunner.MaxAbsDifference(output, expected.ToNchw()), 0f, 1e-5f);
    }

    [Fact]
    public void Convert_PixelShuffle_UsesTensorflowDepthToSpaceOrder()
    {
        // 12 channels at one pixel, valued 0..11; tf.depthToSpace puts channel (dy·2 + dx)·3 + c at (dy, dx, c).
        var path = new TfjsModelFile(12).Layer("PixelShuffle2x", "shuffle", new JsonObject { ["scale"] = 2 }, "LR").Save(folder);
        float[] pixel = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

        var (output, shape) = OrtRunner.Run(TfjsConverter.Convert(path).Model, "input", pixel, [1, 12, 1, 1]);

        Assert.Equal([1L, 3L, 2L, 2L], shape);
        Assert.Equal([0f, 3f, 6f, 9f, 1f, 4f, 7f, 10f, 2f, 5f, 8f, 11f], output);
    }

    [Fact]
    public void Convert_Defaults_OneImageFloatInputAndOutputWithFreeSize()
    {
        var conversion = TfjsConverter.Convert(RrdnStyle().File.Save(folder));

        using var session = new InferenceSession(conversion.Model);
        var input = Assert.Single(session.InputMetadata);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(("input", "output"), (input.Key, output.Key));
        Assert.Equal((conversion.InputName, conversion.OutputName), (input.Key, output.Key));
        Assert.Equal(TensorElementType.Float, input.Value.ElementDataType);
        Assert.Equal(TensorElementType.Float, output.Value.ElementDataType);
        Assert.Equal([1, 3, -1, -1], input.Value.Dimensions);
        Assert.Equal([1, 3, -1, -1], output.Value.Dimensions);
        Assert.Equal(ConversionPrecision.Float32, conversion.Precision);
        Assert.Equal(conversion.ParameterCount * 4, conversion.WeightBytes);
    }

    [Fact]
    public void Convert_OutputRange_ClipsToIt()
    {
        var (file, reference) = RdnStyle();
        var input = Nhwc.Random(4, 4, 3, seed: 23);
        var options = new TfjsConversionOptions { OutputMin = 0f, OutputMax = 0.25f };

        var output = Run(TfjsConverter.Convert(file.Save(folder), options), input);

        var unclipped = reference(input).ToNchw();
        Assert.Contains(unclipped, v => v < 0f);
        Assert.Contains(unclipped, v => v > 0.25f);
        Assert.InRange(OrtRunner.MaxAbsDifference(output, [.. unclipped.Select(v => Math.Clamp(v, 0f, 0.25f))]), 0f, 1e-5f);
    }

    [Fact]
    public void Convert_Float16_HalfWeightsWithFloatInputAndOutput()
    {
        var (file, reference) = RrdnStyle();
        var input = Nhwc.Random(6, 5, 3, seed: 24);
        var path = file.Save(folder);
        var options = new TfjsConversionOptions { Precision = ConversionPrecision.Float16, InputName = "image", OutputName = "upscaled", OutputMax = 100f };

        var conversion = TfjsConverter.Convert(path, options);

        using var session = new InferenceSession(conversion.Model);
        Assert.Equal(TensorElementType.Float, session.InputMetadata["image"].ElementDataType);
        Assert.Equal(TensorElementType.Float, session.OutputMetadata["upscaled"].ElementDataType);
        var (output, _) = OrtRunner.Run(session, "image", input.ToNchw(), input.NchwShape);
        var expected = reference(input).ToNchw();
        var largest = expected.Max(Math.Abs);
        var error = OrtRunner.MaxAbsDifference(output, expected);
        // Half precision keeps about 3 decimal digits; exact float32 output would mean the weights were not halved.
        Assert.InRange(error, 1e-6f, 4e-3f * largest);
        Assert.Equal(conversion.ParameterCount * 2, conversion.WeightBytes);
        Assert.True(conversion.Model.Length < TfjsConverter.Convert(path).Model.Length * 0.6);
    }

    [Fact]
    public void Convert_KerasLayerNamedLikeTheGraphOutput_StillOneOutputNamedOutput()
    {
        var path = new TfjsModelFile(3, "input")
            .Layer("Activation", "output", new JsonObject { ["activation"] = "relu" }, "input")
            .Save(folder);
        float[] values = [-1, 2, -3, 4, -5, 6];

        var (output, shape) = OrtRunner.Run(TfjsConverter.Convert(path).Model, "input", values, [1, 3, 1, 2]);

        Assert.Equal([1L, 3L, 1L, 2L], shape);
        Assert.Equal([0f, 2f, 0f, 4f, 0f, 6f], output);
    }

    [Fact]
    public void Convert_Chain_PeakCountsTheLongestLivedSkipConnection()
    {
        // input 3 | a = conv 4 (read by add) | b = conv 6 from a | c = conv 4 from b | add(a, c) 4.
        // Alive while c is written: a 4 + b 6 + c 4 (the input is freed after a): peak 14 values per pixel.
        var path = new TfjsModelFile(3)
            .Conv2D("a", "LR", new float[3 * 4], new float[4], 1, 3)
            .Conv2D("b", "a", new float[4 * 6], new float[6], 1, 4)
            .Conv2D("c", "b", new float[6 * 4], new float[4], 1, 6)
            .Layer("Add", "sum", null, "a", "c")
            .Save(folder);

        Assert.Equal(14, TfjsConverter.Convert(path).PeakActivationsPerPixel);
    }

    [Fact]
    public void Convert_UnsupportedLayerType_NamesTheLayerAndItsType()
    {
        var path = new TfjsModelFile(3).Layer("BatchNormalization", "bn_1", new JsonObject { ["axis"] = -1 }, "LR").Save(folder);

        var error = Assert.Throws<NotSupportedException>(() => TfjsConverter.Convert(path));

        Assert.Contains("layer 'bn_1' (BatchNormalization)", error.Message, StringComparison.Ordinal);
        Assert.Contains("layer type 'BatchNormalization' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UnsupportedActivation_NamesTheLayerAndTheActivation()
    {
        var path = new TfjsModelFile(3).Conv2D("F_0", "LR", new float[27], new float[1], 3, 3, activation: "sigmoid").Save(folder);

        var error = Assert.Throws<NotSupportedException>(() => TfjsConverter.Convert(path));

        Assert.Contains("layer 'F_0' (Conv2D)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'sigmoid'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_BilinearUpSampling_IsRejected()
    {
        var path = new TfjsModelFile(3)
            .Layer("UpSampling2D", "up", new JsonObject { ["size"] = new JsonArray(2, 2), ["interpolation"] = "bilinear" }, "LR")
            .Save(folder);

        var error = Assert.Throws<NotSupportedException>(() => TfjsConverter.Convert(path));

        Assert.Contains("layer 'up' (UpSampling2D): interpolation 'bilinear'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_KernelShapeDisagreesWithConfig_NamesTheWeight()
    {
        var file = new TfjsModelFile(3).Layer("Conv2D", "F_0", new JsonObject { ["filters"] = 2, ["kernel_size"] = 3, ["padding"] = "same" }, "LR")
            .Weight("F_0/kernel", [3, 3, 4, 2], new float[72])
            .Weight("F_0/bias", [2], new float[2]);

        var error = Assert.Throws<InvalidDataException>(() => TfjsConverter.Convert(file.Save(folder)));

        Assert.Contains("'F_0/kernel' has shape [3, 3, 4, 2]; its config implies [3, 3, 3, 2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_WeightNoLayerUses_IsAnError()
    {
        var file = new TfjsModelFile(3).Layer("Activation", "relu", new JsonObject { ["activation"] = "relu" }, "LR")
            .Weight("stray/kernel", [2], [1f, 2f]);

        var error = Assert.Throws<InvalidDataException>(() => TfjsConverter.Convert(file.Save(folder)));

        Assert.Contains("stray/kernel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MissingShard_NamesIt()
    {
        var path = RdnStyle().File.Save(folder);
        File.Delete(Path.Combine(folder, "group1-shard2of2.bin"));

        var error = Assert.Throws<InvalidDataException>(() => TfjsConverter.Convert(path));

        Assert.Contains("group1-shard2of2.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ShardsShorterThanTheManifest_IsAnError()
    {
        var path = RdnStyle().File.Save(folder);
        var shard = Path.Combine(folder, "group1-shard2of2.bin");
        File.WriteAllBytes(shard, File.ReadAllBytes(shard)[..^4]);

        Assert.Throws<InvalidDataException>(() => TfjsConverter.Convert(path));
    }

    [Fact]
    public void Convert_GraphModelFile_IsRejected()
    {
        var path = Path.Combine(folder, "model.json");
        File.WriteAllText(path, """{"format": "graph-model", "modelTopology": {}, "weightsManifest": []}""");

        var error = Assert.Throws<NotSupportedException>(() => TfjsConverter.Convert(path));

        Assert.Contains("'graph-model'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("input", "input", null, null)]
    [InlineData("", "output", null, null)]
    [InlineData("input", "output", 1f, 0f)]
    [InlineData("input", "output", float.NaN, null)]
    public void Convert_InvalidOptions_ThrowsArgumentException(string inputName, string outputName, float? min, float? max)
    {
        var path = RrdnStyle().File.Save(folder);
        var options = new TfjsConversionOptions { InputName = inputName, OutputName = outputName, OutputMin = min, OutputMax = max };

        Assert.ThrowsAny<ArgumentException>(() => TfjsConverter.Convert(path, options));
    }
}
