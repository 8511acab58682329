using Livepeer.Media;
using Livepeer.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Xunit.Abstractions;

namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>
/// Is it a real ×4 super-resolution model? Crops of real photos are shrunk 4× (bicubic), then brought back by the
/// model and by bicubic upscaling; the model must land closer to the original in luma PSNR.
/// Measured (thick / bicubic): astronaut 29.21 / 27.69 dB, chelsea 29.78 / 29.32 dB, coffee 28.26 / 26.97 dB.
/// </summary>
[Collection(ThickModelFixture.Collection)]
public sealed class EsrganQualityTests(ThickModelFixture thick, ITestOutputHelper output)
{
    private const int Scale = 4;

    // Well inside the smallest gain measured (chelsea, +0.46 dB), far outside run-to-run noise.
    private const double MinimumGainDecibels = 0.25;

    public static TheoryData<string, int, int, int> Crops => new()
    {
        // photo, left, top, side (a multiple of 4): textured regions, small enough for a CPU run each.
        { "astronaut.png", 128, 0, 256 },
        { "chelsea.png", 96, 22, 256 },
        { "coffee.png", 172, 72, 256 },
    };

    [Theory]
    [MemberData(nameof(Crops))]
    public void Thick_PhotoShrunk4x_BeatsBicubicInLuma(string photo, int left, int top, int side)
    {
        var original = Crop(ImageCodec.Decode(File.ReadAllBytes(TestAssets.Require($"photos/{photo}", "photos")), ImageLimits.Default), left, top, side);
        var small = Resize(original, side / Scale);

        var upscaled = EsrganAssets.Upscale(thick.Model, ImageCodec.EncodePng(small));

        var model = Psnr.Luma(upscaled, original, border: Scale);
        var bicubic = Psnr.Luma(Resize(small, side), original, border: Scale);
        output.WriteLine($"{photo}: thick {model:F2} dB, bicubic {bicubic:F2} dB");
        Assert.True(model >= bicubic + MinimumGainDecibels, $"{photo}: thick {model:F2} dB, bicubic {bicubic:F2} dB in luma.");
    }

    private static RgbImage Crop(RgbImage image, int left, int top, int side)
    {
        Assert.InRange(left + side, side, image.Width);
        Assert.InRange(top + side, side, image.Height);
        var rgb = new byte[side * side * 3];
        for (var y = 0; y < side; y++)
            image.Rgb.AsSpan((((top + y) * image.Width) + left) * 3, side * 3).CopyTo(rgb.AsSpan(y * side * 3));
        return new RgbImage(side, side, rgb);
    }

    // ImageSharp's bicubic both ways, as the usual super-resolution benchmarks degrade and compare.
    private static RgbImage Resize(RgbImage image, int side)
    {
        using var sharp = Image.LoadPixelData<Rgb24>(image.Rgb, image.Width, image.Height);
        sharp.Mutate(x => x.Resize(side, side, KnownResamplers.Bicubic));
        var rgb = new byte[side * side * 3];
        sharp.CopyPixelDataTo(rgb);
        return new RgbImage(side, side, rgb);
    }
}
