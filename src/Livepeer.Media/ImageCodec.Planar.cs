namespace Livepeer.Media;

public static partial class ImageCodec
{
    /// <summary>Converts to NCHW floats (1×3×H×W, plane R then G then B), each byte multiplied by <paramref name="scale"/>.</summary>
    /// <param name="image">The image.</param>
    /// <param name="scale">1/255 for models that take [0, 1], 1 for models that take [0, 255].</param>
    public static float[] ToPlanar(RgbImage image, float scale)
    {
        ArgumentNullException.ThrowIfNull(image);
        return RegionToPlanar(image, new PixelRect(0, 0, image.Width, image.Height), scale, image.Width, image.Height);
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
        var pixels = (long)width * height;
        if (chw.Length != 3 * pixels)
            throw new ArgumentException($"Expected {3 * pixels} values for 3x{height}x{width}, got {chw.Length}.", nameof(chw));

        var image = new RgbImage(width, height, GC.AllocateUninitializedArray<byte>(3 * (int)pixels));
        PlanarRegionInto(chw, width, height, new PixelRect(0, 0, width, height), scale, image, 0, 0);
        return image;
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
