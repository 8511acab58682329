namespace Livepeer.Media.Tests;

/// <summary>The antialiased bilinear resize used before CLIP and for SVD's conditioning image.</summary>
public sealed class ImageResamplerTests
{
    [Fact]
    public void Resize_SameSize_ReturnsTheImage()
    {
        var image = TestImages.ToRgbImage(TestImages.Create(7, 5, TestImages.Gradient));

        Assert.Same(image, ImageResampler.Resize(image, 7, 5));
    }

    [Theory]
    [InlineData(37, 23, 224, 224)]
    [InlineData(37, 23, 5, 3)]
    [InlineData(1, 1, 9, 4)]
    public void Resize_UniformColour_StaysUniform(int width, int height, int toWidth, int toHeight)
    {
        var rgb = new byte[3 * width * height];
        for (var i = 0; i < rgb.Length; i += 3) (rgb[i], rgb[i + 1], rgb[i + 2]) = (200, 17, 99);

        var resized = ImageResampler.Resize(new RgbImage(width, height, rgb), toWidth, toHeight);

        Assert.Equal((toWidth, toHeight), (resized.Width, resized.Height));
        for (var i = 0; i < resized.Rgb.Length; i += 3)
            Assert.Equal((200, 17, 99), (resized.Rgb[i], resized.Rgb[i + 1], resized.Rgb[i + 2]));
    }

    [Fact]
    public void Resize_HalvingOnePixelStripes_AveragesThemInsteadOfAliasing()
    {
        const int width = 64;
        var rgb = new byte[3 * width * 4];
        for (var x = 0; x < width; x++)
        {
            for (var y = 0; y < 4; y++)
                rgb.AsSpan(3 * (y * width + x), 3).Fill(x % 2 == 0 ? (byte)0 : (byte)255);
        }

        var resized = ImageResampler.Resize(new RgbImage(width, 4, rgb), width / 2, 2);

        // The first output column sees the image edge; every other one the 1/8, 3/8, 3/8, 1/8 window over two stripes.
        for (var x = 1; x < width / 2 - 1; x++)
            Assert.InRange(resized.Rgb[3 * x], 126, 129);
    }

    [Fact]
    public void Resize_Enlarging_IsPlainBilinearWithCentresAligned()
    {
        var resized = ImageResampler.Resize(new RgbImage(2, 1, [0, 0, 0, 255, 255, 255]), 4, 1);

        Assert.Equal([0, 64, 191, 255], resized.Rgb.Where((_, i) => i % 3 == 0));
    }
}
