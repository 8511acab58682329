using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Livepeer.ModelBuilder.Tests;

public sealed class TinyUpscalerTests
{
    private static readonly TinyUpscalerSpec SmallSpec = new() { HiddenChannels = 8, HiddenLayers = 2, Seed = 7 };

    // Worst case for inputs in [0, 1]: a conv with fan-in n and noise amplitude NoiseBudget / n moves any value by at most
    // NoiseBudget * (largest input magnitude) from weights plus NoiseBudget / n <= NoiseBudget from its bias; Relu never
    // widens the gap because the pass-through targets are non-negative.
    private static float PassThroughErrorBound(TinyUpscalerSpec spec)
    {
        double error = 0, magnitude = 1, budget = TinyUpscaler.NoiseBudget;
        for (var layer = 0; layer < spec.HiddenLayers + 2; layer++)
        {
            error += (budget * magnitude) + budget;
            magnitude = 1 + error;
        }

        return (float)error;
    }

    [Theory]
    [InlineData(TinyUpscalerPrecision.Float32)]
    [InlineData(TinyUpscalerPrecision.Float16)]
    public void Build_AnyPrecision_SessionMetadataMatchesContract(TinyUpscalerPrecision precision)
    {
        using var session = new InferenceSession(TinyUpscaler.Build(SmallSpec with { Precision = precision }));

        var expectedType = precision == TinyUpscalerPrecision.Float16 ? TensorElementType.Float16 : TensorElementType.Float;
        var input = Assert.Single(session.InputMetadata);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(TinyUpscaler.InputName, input.Key);
        Assert.Equal("image", input.Key);
        Assert.Equal("upscaled", output.Key);
        Assert.Equal(expectedType, input.Value.ElementDataType);
        Assert.Equal(expectedType, output.Value.ElementDataType);
        Assert.Equal([1, 3, -1, -1], input.Value.Dimensions);
        Assert.Equal([1, 3, -1, -1], output.Value.Dimensions);
        Assert.Equal(["", "", "height", "width"], input.Value.SymbolicDimensions);
    }

    [Fact]
    public void Build_Float32Scale2_ApproximatesNearestResize()
    {
        var image = OrtRunner.RandomImage(8, 8, seed: 11);

        var (output, shape) = OrtRunner.Run(TinyUpscaler.Build(SmallSpec), "image", image, [1, 3, 8, 8]);

        Assert.Equal([1L, 3L, 16L, 16L], shape);
        var difference = OrtRunner.MaxAbsDifference(output, OrtRunner.NearestResize(image, 8, 8, 2));
        Assert.InRange(difference, 1e-7f, PassThroughErrorBound(SmallSpec));
    }

    [Fact]
    public void Build_Scale4_Outputs32x32()
    {
        var spec = SmallSpec with { Scale = 4, HiddenLayers = 0 };
        var image = OrtRunner.RandomImage(8, 8, seed: 12);

        var (output, shape) = OrtRunner.Run(TinyUpscaler.Build(spec), "image", image, [1, 3, 8, 8]);

        Assert.Equal([1L, 3L, 32L, 32L], shape);
        Assert.InRange(OrtRunner.MaxAbsDifference(output, OrtRunner.NearestResize(image, 8, 8, 4)), 0f, PassThroughErrorBound(spec));
    }

    [Fact]
    public void Build_NonSquareInput_UsesSymbolicDims()
    {
        var image = OrtRunner.RandomImage(5, 9, seed: 13);

        var (output, shape) = OrtRunner.Run(TinyUpscaler.Build(SmallSpec), "image", image, [1, 3, 5, 9]);

        Assert.Equal([1L, 3L, 10L, 18L], shape);
        Assert.InRange(OrtRunner.MaxAbsDifference(output, OrtRunner.NearestResize(image, 5, 9, 2)), 0f, PassThroughErrorBound(SmallSpec));
    }

    [Fact]
    public void Build_WideDeepSpec_StaysNearNearestResize()
    {
        var spec = TinyUpscalerSpec.ForParameterCount(100_000);
        var image = OrtRunner.RandomImage(8, 8, seed: 14);

        var (output, _) = OrtRunner.Run(TinyUpscaler.Build(spec), "image", image, [1, 3, 8, 8]);

        Assert.InRange(OrtRunner.MaxAbsDifference(output, OrtRunner.NearestResize(image, 8, 8, 2)), 0f, PassThroughErrorBound(spec));
    }

    [Fact]
    public void Build_Float16_ApproximatesNearestResize()
    {
        var spec = SmallSpec with { Precision = TinyUpscalerPrecision.Float16 };
        var image = OrtRunner.RandomImage(8, 8, seed: 15).Select(v => (float)(Half)v).ToArray();
        var halfImage = image.Select(v => new Float16(BitConverter.HalfToUInt16Bits((Half)v))).ToArray();

        var (output, shape) = OrtRunner.Run(TinyUpscaler.Build(spec), "image", halfImage, [1, 3, 8, 8]);

        Assert.Equal([1L, 3L, 16L, 16L], shape);
        // Each of the 4 convs may round its output to half precision: at most 2^-11 relative, values stay below 2.
        var roundingAllowance = (spec.HiddenLayers + 2) * 2 * MathF.Pow(2, -11);
        var difference = OrtRunner.MaxAbsDifference(output.Select(h => h.ToFloat()).ToArray(), OrtRunner.NearestResize(image, 8, 8, 2));
        Assert.InRange(difference, 0f, PassThroughErrorBound(spec) + roundingAllowance);
    }

    [Theory]
    [InlineData(TinyUpscalerPrecision.Float32)]
    [InlineData(TinyUpscalerPrecision.Float16)]
    public void Build_SameSpecTwice_ByteIdentical(TinyUpscalerPrecision precision)
    {
        var spec = SmallSpec with { Precision = precision };

        Assert.Equal(TinyUpscaler.Build(spec), TinyUpscaler.Build(spec with { }));
    }

    [Fact]
    public void Build_DifferentSeed_DifferentBytes() =>
        Assert.NotEqual(TinyUpscaler.Build(SmallSpec), TinyUpscaler.Build(SmallSpec with { Seed = SmallSpec.Seed + 1 }));

    [Fact]
    public void Build_NullSpec_Throws() =>
        Assert.Throws<ArgumentNullException>("spec", () => TinyUpscaler.Build(null!));

    [Fact]
    public void Build_SpecTooLargeToSerialize_ThrowsOutOfRange()
    {
        var spec = new TinyUpscalerSpec { HiddenChannels = TinyUpscalerSpec.MaxHiddenChannels, HiddenLayers = 1 };

        Assert.Throws<ArgumentOutOfRangeException>("spec", () => TinyUpscaler.Build(spec));
    }
}
