using Livepeer.Media;

namespace Livepeer.Pipelines.Tests.Upscale;

/// <summary>Peak signal-to-noise ratio of 8-bit images, in dB (infinity for identical images).</summary>
internal static class Psnr
{
    /// <summary>Over all three channels, ignoring <paramref name="border"/> pixels at each edge.</summary>
    public static double Rgb(RgbImage actual, RgbImage expected, int border = 0) =>
        Compute(actual, expected, border, (rgb, i) => rgb[i], channels: 3);

    /// <summary>
    /// Over luma only, as super-resolution papers report it: Y = 16 + (65.481·R + 128.553·G + 24.966·B) / 255
    /// (ITU-R BT.601 studio range), peak 255, ignoring <paramref name="border"/> pixels at each edge.
    /// </summary>
    public static double Luma(RgbImage actual, RgbImage expected, int border) =>
        Compute(actual, expected, border, (rgb, i) => 16 + (((65.481 * rgb[3 * i]) + (128.553 * rgb[(3 * i) + 1]) + (24.966 * rgb[(3 * i) + 2])) / 255), channels: 1);

    private static double Compute(RgbImage actual, RgbImage expected, int border, Func<byte[], int, double> value, int channels)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        Assert.InRange(border, 0, (Math.Min(actual.Width, actual.Height) - 1) / 2);
        double sum = 0;
        long count = 0;
        for (var y = border; y < actual.Height - border; y++)
        {
            for (var x = border; x < actual.Width - border; x++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var index = (((y * actual.Width) + x) * channels) + c;
                    var difference = value(actual.Rgb, index) - value(expected.Rgb, index);
                    sum += difference * difference;
                    count++;
                }
            }
        }

        return sum == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / (sum / count));
    }
}
