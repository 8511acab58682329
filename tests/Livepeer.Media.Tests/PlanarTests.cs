namespace Livepeer.Media.Tests;

public sealed class PlanarTests
{
    private static RgbImage AllByteValues()
    {
        var rgb = new byte[256 * 3];
        for (var i = 0; i < 256; i++)
        {
            rgb[3 * i] = (byte)i;
            rgb[(3 * i) + 1] = (byte)(255 - i);
            rgb[(3 * i) + 2] = (byte)(i * 7);
        }
        return new RgbImage(128, 2, rgb);
    }

    [Fact]
    public void ToPlanar_WritesRedGreenBluePlanes()
    {
        var image = new RgbImage(2, 1, [1, 2, 3, 4, 5, 6]);

        Assert.Equal([1f, 4f, 2f, 5f, 3f, 6f], ImageCodec.ToPlanar(image, 1f));
        const float scale = 1f / 255;
        Assert.Equal([1 * scale, 4 * scale, 2 * scale, 5 * scale, 3 * scale, 6 * scale], ImageCodec.ToPlanar(image, scale));
    }

    [Theory]
    [InlineData(1f / 255)]
    [InlineData(1f)]
    [InlineData(2f / 255)]
    public void PlanarRoundTrip_IsExact(float scale)
    {
        var image = AllByteValues();

        var planar = ImageCodec.ToPlanar(image, scale);

        Assert.Equal(3 * 256, planar.Length);
        Assert.Equal(image, ImageCodec.FromPlanar(planar, image.Width, image.Height, scale));
    }

    [Fact]
    public void FromPlanar_ClampsRoundsAndZeroesNaN()
    {
        float[] red = [-5f, 300f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 127.5f, 126.5f, 254.6f];
        var chw = red.Concat(new float[16]).ToArray();

        var image = ImageCodec.FromPlanar(chw, 8, 1, 1f);

        Assert.Equal([0, 255, 0, 255, 0, 128, 126, 255], image.Rgb.Where((_, i) => i % 3 == 0));
    }

    [Fact]
    public void FromPlanar_UnitScale_ClampsOutOfRange()
    {
        var image = ImageCodec.FromPlanar([1.5f, -0.2f, 0.25f], 1, 1, 1f / 255);

        Assert.Equal([255, 0, 64], image.Rgb);
    }

    [Fact]
    public void FromPlanar_WrongLengthOrScale_Throws()
    {
        Assert.Throws<ArgumentException>(() => ImageCodec.FromPlanar(new float[5], 1, 2, 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageCodec.FromPlanar(new float[3], 1, 1, 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageCodec.FromPlanar(new float[3], 1, 1, float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageCodec.ToPlanar(new RgbImage(1, 1, [0, 0, 0]), -1f));
    }

    [Fact]
    public void RgbImage_RejectsMismatchedBuffer()
    {
        Assert.Throws<ArgumentException>(() => new RgbImage(2, 2, new byte[11]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RgbImage(0, 2, []));
    }
}
