using Onnx;

namespace Livepeer.ModelBuilder.Tests;

public sealed class TinyUpscalerSpecTests
{
    private static long InitializerParameterCount(byte[] model)
    {
        var initializers = ModelProto.Parser.ParseFrom(model).Graph.Initializer;
        Assert.Equal(["scales"], initializers.Where(t => !IsParameter(t.Name)).Select(t => t.Name));
        return initializers.Where(t => IsParameter(t.Name)).Sum(t => t.Dims.Aggregate(1L, (product, dim) => product * dim));

        static bool IsParameter(string name) => name.EndsWith(".weight", StringComparison.Ordinal) || name.EndsWith(".bias", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 0, TinyUpscalerPrecision.Float32)]
    [InlineData(8, 2, TinyUpscalerPrecision.Float32)]
    [InlineData(5, 3, TinyUpscalerPrecision.Float16)]
    public void ParameterCount_BuiltModel_EqualsWeightAndBiasElements(int channels, int layers, TinyUpscalerPrecision precision)
    {
        var spec = new TinyUpscalerSpec { HiddenChannels = channels, HiddenLayers = layers, Precision = precision };

        Assert.Equal(spec.ParameterCount, InitializerParameterCount(TinyUpscaler.Build(spec)));
    }

    [Fact]
    public void ParameterCount_KnownShape_MatchesHandCount()
    {
        var spec = new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 1 };

        // conv0 3->4: 108 + 4, conv1 4->4: 144 + 4, conv2 4->3: 108 + 3.
        Assert.Equal(371, spec.ParameterCount);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(10_000_000)]
    public void ForParameterCount_Target_WithinFivePercent(long target)
    {
        var spec = TinyUpscalerSpec.ForParameterCount(target);

        Assert.InRange(Math.Abs(spec.ParameterCount - target), 0, target * 0.05);
        Assert.Equal(2, spec.Scale);
        Assert.Equal(1, spec.Seed);
    }

    [Fact]
    public void ForParameterCount_LogSpacedTargets_AllWithinFivePercent()
    {
        for (var exponent = 3.0; exponent <= Math.Log10(50_000_000); exponent += 0.01)
        {
            var target = (long)Math.Round(Math.Pow(10, exponent));

            var spec = TinyUpscalerSpec.ForParameterCount(target, scale: 4, seed: 9);

            Assert.True(Math.Abs(spec.ParameterCount - target) <= target * 0.05, $"target {target}: got {spec.ParameterCount} ({spec})");
        }
    }

    [Fact]
    public void ForParameterCount_BuiltModel_MatchesParameterCount()
    {
        var spec = TinyUpscalerSpec.ForParameterCount(100_000, scale: 3, seed: 5);

        Assert.Equal(spec.ParameterCount, InitializerParameterCount(TinyUpscaler.Build(spec)));
        Assert.Equal((3, 5), (spec.Scale, spec.Seed));
    }

    [Theory]
    [InlineData(TinyUpscalerSpec.MinTargetParameterCount - 1)]
    [InlineData(TinyUpscalerSpec.MaxTargetParameterCount + 1)]
    public void ForParameterCount_TargetOutOfRange_Throws(long target) =>
        Assert.Throws<ArgumentOutOfRangeException>(nameof(target), () => TinyUpscalerSpec.ForParameterCount(target));

    [Fact]
    public void ForParameterCount_ZeroScale_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("scale", () => TinyUpscalerSpec.ForParameterCount(10_000, scale: 0));

    [Fact]
    public void Scale_Zero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("Scale", () => new TinyUpscalerSpec { Scale = 0 });

    [Fact]
    public void HiddenChannels_BelowThree_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("HiddenChannels", () => new TinyUpscalerSpec { HiddenChannels = 2 });

    [Fact]
    public void HiddenLayers_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("HiddenLayers", () => new TinyUpscalerSpec { HiddenLayers = -1 });

    [Fact]
    public void Precision_Undefined_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("Precision", () => new TinyUpscalerSpec { Precision = (TinyUpscalerPrecision)7 });

    [Fact]
    public void Defaults_NewSpec_Scale2Float32()
    {
        var spec = new TinyUpscalerSpec();

        Assert.Equal((2, TinyUpscalerPrecision.Float32), (spec.Scale, spec.Precision));
    }
}
