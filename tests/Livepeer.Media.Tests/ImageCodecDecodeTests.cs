using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Livepeer.Media.Tests;

public sealed class ImageCodecDecodeTests
{
    [Theory]
    [InlineData(MediaFormat.Png)]
    [InlineData(MediaFormat.Gif)]
    [InlineData(MediaFormat.Bmp)]
    [InlineData(MediaFormat.Webp)]
    [InlineData(MediaFormat.Tiff)]
    public void Decode_LosslessFormat_RoundTripsExactly(MediaFormat format)
    {
        using var source = TestImages.Create(37, 23, TestImages.BlockColor);
        var data = TestImages.Encode(source, TestImages.Encoder(format));

        var decoded = ImageCodec.Decode(data, ImageLimits.Default);

        Assert.Equal(TestImages.ToRgbImage(source), decoded);
    }

    [Fact]
    public void Decode_Jpeg_RoundTripsWithinCompressionError()
    {
        using var source = TestImages.Create(37, 23, TestImages.BlockColor);
        var expected = TestImages.ToRgbImage(source);

        var decoded = ImageCodec.Decode(TestImages.Encode(source, TestImages.Encoder(MediaFormat.Jpeg)), ImageLimits.Default);

        Assert.Equal((37, 23), (decoded.Width, decoded.Height));
        var meanError = expected.Rgb.Zip(decoded.Rgb, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 6, $"mean absolute error {meanError}");
    }

    [Fact]
    public void Decode_LossyWebp_HasTheRightSize()
    {
        using var source = TestImages.Create(40, 24, TestImages.BlockColor);
        var data = TestImages.Encode(source, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy });

        var decoded = ImageCodec.Decode(data, ImageLimits.Default);

        Assert.Equal((40, 24), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void Decode_RgbaPng_DropsAlphaWithoutCompositing()
    {
        using var source = new Image<Rgba32>(3, 1);
        source[0, 0] = new Rgba32(200, 100, 50, 0);
        source[1, 0] = new Rgba32(10, 20, 30, 128);
        source[2, 0] = new Rgba32(1, 2, 3, 255);
        var data = TestImages.Encode(source, new PngEncoder { ColorType = PngColorType.RgbWithAlpha });

        var decoded = ImageCodec.Decode(data, ImageLimits.Default);

        Assert.Equal(new RgbImage(3, 1, [200, 100, 50, 10, 20, 30, 1, 2, 3]), decoded);
    }

    [Fact]
    public void Decode_AnimatedGif_ReturnsFirstFrameOnly()
    {
        using var animation = TestImages.Create(16, 16, (_, _) => new Rgb24(255, 0, 0));
        using var second = TestImages.Create(16, 16, (_, _) => new Rgb24(0, 0, 255));
        animation.Frames.AddFrame(second.Frames.RootFrame);
        var data = TestImages.Encode(animation, TestImages.Encoder(MediaFormat.Gif));

        var decoded = ImageCodec.Decode(data, ImageLimits.Default);

        Assert.All(decoded.Rgb.Chunk(3), pixel => Assert.Equal([255, 0, 0], pixel));
    }

    [Fact]
    public void Decode_AnimatedWebp_Unsupported()
    {
        // ImageSharp 2.1 refuses animated WebP outright (even in Identify), so it maps to 415.
        var red = TestImages.Encode(MediaFormat.Webp, 16, 16, (_, _) => new Rgb24(255, 0, 0));
        var blue = TestImages.Encode(MediaFormat.Webp, 16, 16, (_, _) => new Rgb24(0, 0, 255));
        var data = TestImages.AnimatedWebp([red, blue], 16, 16);

        var error = Assert.Throws<UnsupportedMediaException>(() => ImageCodec.Decode(data, ImageLimits.Default));

        Assert.Contains("Webp", error.Message, StringComparison.Ordinal);
        Assert.Contains("Animated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OverAllocationLimit_TooLarge()
    {
        var data = TestImages.Encode(MediaFormat.Png, 1024, 1024, TestImages.Gradient);

        Assert.Throws<MediaTooLargeException>(() => ImageCodec.Decode(data, new ImageLimits { AllocationLimitMegabytes = 1 }));
    }

    public static TheoryData<string, byte[]> Undecodable()
    {
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        var png = TestImages.Encode(MediaFormat.Png, 64, 64, TestImages.Gradient);
        var pngHeaderThenGarbage = png[..33].Concat(random).ToArray();
        var pngWithoutData = png[..33].Concat(png[^12..]).ToArray();

        var data = new TheoryData<string, byte[]>
        {
            { "random bytes", random },
            { "PNG signature only", png[..8] },
            { "PNG header then garbage", pngHeaderThenGarbage },
            { "PNG without IDAT", pngWithoutData },
            { "PNG cut in its header", png[..20] },
            { "PNG cut after IHDR", png[..33] },
            { "PNG cut mid-data", png[..(png.Length / 2)] },
            { "PNG without IEND", png[..^12] },
        };
        foreach (var format in new[] { MediaFormat.Jpeg, MediaFormat.Gif, MediaFormat.Bmp, MediaFormat.Webp, MediaFormat.Tiff })
        {
            var encoded = TestImages.Encode(format, 64, 64, TestImages.Gradient);
            data.Add($"{format} cut at 90%", encoded[..(encoded.Length * 9 / 10)]);
            data.Add($"{format} cut at 50%", encoded[..(encoded.Length / 2)]);
            data.Add($"{format} header then garbage", encoded[..16].Concat(random).ToArray());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Undecodable))]
    public void Decode_TruncatedOrCorrupt_ThrowsUnsupportedOnly(string name, byte[] data)
    {
        var error = Record.Exception(() => ImageCodec.Decode(data, ImageLimits.Default));

        Assert.True(error is UnsupportedMediaException, $"{name}: {error?.GetType().Name ?? "no exception"}: {error?.Message}");
    }

    [Fact]
    public void Decode_RandomCorruptions_NeverThrowAnythingElse()
    {
        var random = new Random(7);
        var originals = new[] { MediaFormat.Png, MediaFormat.Jpeg, MediaFormat.Gif, MediaFormat.Bmp, MediaFormat.Webp, MediaFormat.Tiff }
            .Select(format => TestImages.Encode(format, 48, 32, TestImages.Gradient))
            .ToArray();

        for (var i = 0; i < 300; i++)
        {
            var data = (byte[])originals[i % originals.Length].Clone();
            for (var flips = 0; flips < 8; flips++)
                data[random.Next(8, data.Length)] = (byte)random.Next(256);

            var error = Record.Exception(() => ImageCodec.Decode(data, ImageLimits.Default));

            Assert.True(
                error is null or UnsupportedMediaException or MediaTooLargeException,
                $"case {i}: {error?.GetType().FullName}: {error?.Message}");
        }
    }

    [Fact]
    public void Decode_FromManyThreads_GivesTheSameResult()
    {
        var data = TestImages.Encode(MediaFormat.Png, 64, 48, TestImages.Gradient);
        var expected = ImageCodec.Decode(data, ImageLimits.Default);

        var results = new RgbImage[32];
        Parallel.For(0, results.Length, i => results[i] = ImageCodec.Decode(data, ImageLimits.Default));

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    [Fact]
    public void EncodePng_DecodesBackToTheSamePixels()
    {
        using var source = TestImages.Create(53, 31, TestImages.Gradient);
        var image = TestImages.ToRgbImage(source);

        var png = ImageCodec.EncodePng(image);

        Assert.Equal(MediaFormat.Png, MediaFormats.Detect(png));
        Assert.Equal(image, ImageCodec.Decode(png, ImageLimits.Default));
        Assert.Equal(["IHDR", "IDAT", "IEND"], TestImages.PngChunkTypes(png).Distinct());
    }
}
