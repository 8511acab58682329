using Livepeer.Testing;
using System.Diagnostics;
using SixLabors.ImageSharp.PixelFormats;

namespace Livepeer.Media.Tests;

public sealed class ImageCodecIdentifyTests
{
    private static readonly Lazy<byte[]> Bomb = new(() => TestMedia.PngBomb());

    [Theory]
    [InlineData(MediaFormat.Png)]
    [InlineData(MediaFormat.Jpeg)]
    [InlineData(MediaFormat.Gif)]
    [InlineData(MediaFormat.Bmp)]
    [InlineData(MediaFormat.Webp)]
    [InlineData(MediaFormat.Tiff)]
    public void Identify_EncodedImage_ReturnsSizeAndFormat(MediaFormat format)
    {
        var data = TestImages.Encode(format, 37, 23, TestImages.BlockColor);

        var info = ImageCodec.Identify(data, ImageLimits.Default);

        Assert.Equal(new ImageInfo(37, 23, format), info);
        Assert.Equal(37 * 23, info.Pixels);
    }

    [Fact]
    public void Identify_DecompressionBomb_RejectedQuicklyWithoutAllocating()
    {
        var bomb = Bomb.Value;
        Assert.True(bomb.Length < 1_000_000, $"bomb is {bomb.Length} bytes");
        ImageCodec.Identify(TestImages.Encode(MediaFormat.Png, 1, 1, TestImages.Gradient), ImageLimits.Default); // JIT warm-up

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var error = Assert.Throws<MediaTooLargeException>(() => ImageCodec.Identify(bomb, ImageLimits.Default));
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("20000x20000", error.Message, StringComparison.Ordinal);
        Assert.Contains("400000000 pixels", error.Message, StringComparison.Ordinal);
        Assert.True(stopwatch.ElapsedMilliseconds < 100, $"took {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Decode_DecompressionBomb_TooLarge() =>
        Assert.Throws<MediaTooLargeException>(() => ImageCodec.Decode(Bomb.Value, ImageLimits.Default));

    [Fact]
    public void Identify_BombWithinGenerousLimits_StillStoppedByAllocationLimit()
    {
        var generous = new ImageLimits { MaxDimension = 100_000, MaxPixels = long.MaxValue / 8, AllocationLimitMegabytes = 64 };

        Assert.Equal(20_000, ImageCodec.Identify(Bomb.Value, generous).Width);
        var error = Assert.Throws<MediaTooLargeException>(() => ImageCodec.Decode(Bomb.Value, generous));
        Assert.Contains("memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_OnePixel_Passes()
    {
        var data = TestImages.Encode(MediaFormat.Png, 1, 1, (_, _) => new Rgb24(1, 2, 3));

        Assert.Equal(new ImageInfo(1, 1, MediaFormat.Png), ImageCodec.Identify(data, ImageLimits.Default));
        Assert.Equal(new RgbImage(1, 1, [1, 2, 3]), ImageCodec.Decode(data, ImageLimits.Default));
    }

    [Fact]
    public void Identify_OverMaxBytes_TooLargeNamingBothSizes()
    {
        var data = TestImages.Encode(MediaFormat.Png, 16, 16, TestImages.Gradient);

        var error = Assert.Throws<MediaTooLargeException>(() => ImageCodec.Identify(data, new ImageLimits { MaxBytes = 100 }));

        Assert.Contains($"{data.Length} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit is 100 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_OverMaxBytes_RejectedBeforeLookingAtContent() =>
        Assert.Throws<MediaTooLargeException>(() => ImageCodec.Identify(new byte[101], new ImageLimits { MaxBytes = 100 }));

    [Fact]
    public void Identify_OverMaxPixels_TooLargeNamingPixels()
    {
        var data = TestImages.Encode(MediaFormat.Png, 64, 64, TestImages.Gradient);

        var error = Assert.Throws<MediaTooLargeException>(() => ImageCodec.Identify(data, new ImageLimits { MaxPixels = 1000 }));

        Assert.Contains("64x64 (4096 pixels)", error.Message, StringComparison.Ordinal);
        Assert.Contains("1000 pixels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_OverMaxDimension_TooLarge()
    {
        var data = TestImages.Encode(MediaFormat.Png, 300, 2, TestImages.Gradient);

        var error = Assert.Throws<MediaTooLargeException>(() => ImageCodec.Identify(data, new ImageLimits { MaxDimension = 256 }));

        Assert.Contains("256 pixels per side", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_Wav_UnsupportedNamingWav()
    {
        var error = Assert.Throws<UnsupportedMediaException>(() => ImageCodec.Identify(TestMedia.Wav(), ImageLimits.Default));

        Assert.Contains("Wav", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_Empty_Unsupported() =>
        Assert.Throws<UnsupportedMediaException>(() => ImageCodec.Identify(ReadOnlyMemory<byte>.Empty, ImageLimits.Default));

    [Fact]
    public void Identify_ZeroSizePng_Unsupported() =>
        Assert.Throws<UnsupportedMediaException>(() => ImageCodec.Identify(TestMedia.PngBomb(size: 0), ImageLimits.Default));

    [Fact]
    public void Identify_CorruptPngHeader_Unsupported()
    {
        var data = TestImages.Encode(MediaFormat.Png, 8, 8, TestImages.Gradient);
        data[12] ^= 0xFF; // the IHDR chunk type

        Assert.Throws<UnsupportedMediaException>(() => ImageCodec.Identify(data, ImageLimits.Default));
    }

    [Fact]
    public void Identify_SliceOfLargerBuffer_ReadsOnlyTheSlice()
    {
        var data = TestImages.Encode(MediaFormat.Png, 5, 7, TestImages.Gradient);
        var padded = new byte[data.Length + 20];
        data.CopyTo(padded, 10);

        Assert.Equal(new ImageInfo(5, 7, MediaFormat.Png), ImageCodec.Identify(padded.AsMemory(10, data.Length), ImageLimits.Default));
    }

    [Fact]
    public void ImageLimits_Defaults()
    {
        var limits = ImageLimits.Default;

        Assert.Equal(4096L * 4096, limits.MaxPixels);
        Assert.Equal(20L * 1024 * 1024, limits.MaxBytes);
        Assert.Equal(8192, limits.MaxDimension);
        Assert.Equal(80, limits.AllocationLimitMegabytes);
        Assert.Equal(1, new ImageLimits { MaxPixels = 1 }.AllocationLimitMegabytes);
        Assert.Equal(7, new ImageLimits { AllocationLimitMegabytes = 7 }.AllocationLimitMegabytes);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageLimits { MaxPixels = 0 });
    }
}
