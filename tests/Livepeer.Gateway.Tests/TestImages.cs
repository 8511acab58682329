using Livepeer.Media;

namespace Livepeer.Gateway.Tests;

/// <summary>Images made in the tests, in the formats clients send.</summary>
internal static class TestImages
{
    public static RgbImage Random(int width, int height, int seed = 1)
    {
        var rgb = new byte[width * height * 3];
        new Random(seed).NextBytes(rgb);
        return new RgbImage(width, height, rgb);
    }

    public static byte[] Png(int width = 16, int height = 16, int seed = 1) => ImageCodec.EncodePng(Random(width, height, seed));
}
