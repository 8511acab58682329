using Livepeer.Media;
using Livepeer.ModelBuilder.Tfjs;
using Xunit.Abstractions;

namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>
/// The package's fixture through our upscale pipeline against the package's own ×4 result (UpscalerJS on
/// TensorFlow.js): the conversion, the pixel range and the rounding must all be right to get within a few ±1 steps.
/// Measured: slim 93.5 dB, slim fp16 70.8 dB, thick 95.6 dB (bicubic scores about 34 dB against the same image).
/// </summary>
[Collection(ThickModelFixture.Collection)]
public sealed class EsrganGoldenTests(ThickModelFixture thick, ITestOutputHelper output)
{
    private const double GoldenDecibels = 40;

    [Fact]
    public void Run_CommittedSlimOnFixture_MatchesThePackagesResult()
    {
        using var model = EsrganAssets.Load(EsrganAssets.CommittedFolder);

        var upscaled = EsrganAssets.Upscale(model, EsrganAssets.Fixture("slim"));

        Assert.Equal((512, 512), (upscaled.Width, upscaled.Height));
        AssertGolden("slim", upscaled);
    }

    [Fact]
    public void Run_SlimFloat16OnFixture_MatchesThePackagesResult()
    {
        using var model = EsrganAssets.Load(EsrganAssets.CachedFolder("slim", ConversionPrecision.Float16));

        AssertGolden("slim", EsrganAssets.Upscale(model, EsrganAssets.Fixture("slim")));
    }

    [Fact]
    public void Run_ThickOnFixture_MatchesThePackagesResult()
    {
        var upscaled = EsrganAssets.Upscale(thick.Model, EsrganAssets.Fixture("thick"));

        Assert.Equal((512, 512), (upscaled.Width, upscaled.Height));
        AssertGolden("thick", upscaled);
    }

    private void AssertGolden(string size, RgbImage upscaled)
    {
        var psnr = Psnr.Rgb(upscaled, EsrganAssets.Result(size));
        output.WriteLine($"{size}: {psnr:F2} dB against the package's result");
        Assert.True(psnr >= GoldenDecibels, $"{size}: {psnr:F2} dB against the package's result; at least {GoldenDecibels} dB expected.");
    }
}
