namespace Livepeer.Media;

public static partial class ImageCodec
{
    /// <summary>Converts to NCHW floats (1×3×H×W, plane R then G then B), each byte multiplied by <paramref name="scale"/>.</summary>
    /// <param name="image">The image.</param>
    /// <param name="scale">1/255 for models that take [0, 1], 1 for models that take [0, 255].</param>
    public static float[] ToPlanar(RgbImage image, float scale)
    {
        ArgumentNullException.ThrowIfNull(image);
        EnsureValidScale(scale);
        var pixels = image.Width * image.Height;
        var planar = GC.AllocateUninitializedArray<float>(3 * pixels);
        var red = planar.AsSpan(0, pixels);
        var green = planar.AsSpan(pixels, pixels);
        var blue = planar.AsSpan(2 * pixels, pixels);
        ReadOnlySpan<byte> rgb = image.Rgb;
        for (int i = 0, j = 0; i < pixels; i++, j += 3)
        {
            red[i] = rgb[j] * scale;
            green[i] = rgb[j + 1] * scale;
            blue[i] = rgb[j + 2] * scale;
        }
        return planar;
    }

    /// <summary>Converts CHW floats back to RGB24: value / <paramref name="scale"/>, rounded half to even, clamped to 0..255, NaN to 0.</summary>
    /// <param name="chw">3 × height × width floats, plane R then G then B (a leading batch dimension of 1 is the same layout).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="scale">The scale the values were produced with, as for <see cref="ToPlanar"/>.</param>
    public static RgbImage FromPlanar(ReadOnlySpan<float> chw, int width, int height, float scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        EnsureValidScale(scale);
        var pixels = (long)width * height;
        if (chw.Length != 3 * pixels)
            throw new ArgumentException($"Expected {3 * pixels} values for 3x{height}x{width}, got {chw.Length}.", nameof(chw));

        var count = (int)pixels;
        var red = chw[..count];
        var green = chw.Slice(count, count);
        var blue = chw.Slice(2 * count, count);
        var rgb = GC.AllocateUninitializedArray<byte>(3 * count);
        for (int i = 0, j = 0; i < count; i++, j += 3)
        {
            rgb[j] = ToByte(red[i] / scale);
            rgb[j + 1] = ToByte(green[i] / scale);
            rgb[j + 2] = ToByte(blue[i] / scale);
        }
        return new RgbImage(width, height, rgb);
    }

    // Comparisons with NaN are false, so NaN falls through to 0.
    private static byte ToByte(float value) =>
        value >= 255f ? (byte)255 : value > 0f ? (byte)MathF.Round(value) : (byte)0;

    private static void EnsureValidScale(float scale)
    {
        if (!float.IsFinite(scale) || scale <= 0f)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be finite and positive.");
    }
}
