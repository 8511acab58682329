using Livepeer.Media;

namespace Livepeer.Pipelines.Tests;

/// <summary>Test images and an independent nearest-neighbour reference for image upscalers.</summary>
internal static class Images
{
    public static RgbImage Random(int width, int height, int seed)
    {
        var rgb = new byte[width * height * 3];
        new Random(seed).NextBytes(rgb);
        return new RgbImage(width, height, rgb);
    }

    /// <summary>Largest channel difference between <paramref name="upscaled"/> and a nearest-neighbour <paramref name="scale"/>× resize of <paramref name="source"/>.</summary>
    public static int MaxDifferenceFromNearest(RgbImage source, RgbImage upscaled, int scale)
    {
        var worst = 0;
        for (var y = 0; y < upscaled.Height; y++)
        {
            for (var x = 0; x < upscaled.Width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var expected = source.Rgb[(((y / scale) * source.Width) + (x / scale)) * 3 + c];
                    var actual = upscaled.Rgb[((y * upscaled.Width) + x) * 3 + c];
                    worst = Math.Max(worst, Math.Abs(expected - actual));
                }
            }
        }

        return worst;
    }

    /// <summary>A bound in 0..1 units as a bound in byte steps, plus one for rounding to bytes.</summary>
    public static int ByteBound(float unitBound) => (int)Math.Ceiling(unitBound * 255) + 1;
}
