namespace Livepeer.Media;

public static partial class ImageCodec
{
    /// <summary>
    /// Converts a rectangle of <paramref name="image"/> to NCHW floats like <see cref="ToPlanar"/>, into a
    /// <paramref name="planeWidth"/>×<paramref name="planeHeight"/> plane at least as large as the rectangle; the rest of
    /// the plane repeats the rectangle's last column and row (a model with a fixed input size gets a full tile at the
    /// image's edge without a visible border).
    /// </summary>
    public static float[] RegionToPlanar(RgbImage image, PixelRect region, float scale, int planeWidth, int planeHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(planeWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(planeHeight);
        var planar = GC.AllocateUninitializedArray<float>(3 * planeWidth * planeHeight);
        RegionToPlanar(image, region, scale, planeWidth, planeHeight, planar);
        return planar;
    }

    /// <summary>As <see cref="RegionToPlanar(RgbImage, PixelRect, float, int, int)"/>, into the first 3 × plane values of <paramref name="planar"/>.</summary>
    public static void RegionToPlanar(RgbImage image, PixelRect region, float scale, int planeWidth, int planeHeight, Span<float> planar)
    {
        ArgumentNullException.ThrowIfNull(image);
        EnsureValidScale(scale);
        if (region.X < 0 || region.Y < 0 || region.Width <= 0 || region.Height <= 0 || region.Right > image.Width || region.Bottom > image.Height)
            throw new ArgumentOutOfRangeException(nameof(region), region, $"Region must lie inside the {image.Width}x{image.Height} image.");
        if (planeWidth < region.Width || planeHeight < region.Height)
            throw new ArgumentOutOfRangeException(nameof(planeWidth), $"Plane {planeWidth}x{planeHeight} is smaller than the region.");

        var pixels = planeWidth * planeHeight;
        if (planar.Length < 3 * pixels)
            throw new ArgumentException($"The destination holds {planar.Length} values; a 3x{planeHeight}x{planeWidth} plane needs {3 * pixels}.", nameof(planar));
        ReadOnlySpan<byte> rgb = image.Rgb;
        for (var y = 0; y < planeHeight; y++)
        {
            var sourceRow = (region.Y + Math.Min(y, region.Height - 1)) * image.Width;
            var target = y * planeWidth;
            for (var x = 0; x < planeWidth; x++)
            {
                var source = 3 * (sourceRow + region.X + Math.Min(x, region.Width - 1));
                planar[target + x] = rgb[source] * scale;
                planar[pixels + target + x] = rgb[source + 1] * scale;
                planar[2 * pixels + target + x] = rgb[source + 2] * scale;
            }
        }

    }

    /// <summary>
    /// Writes a rectangle of a CHW float plane (<paramref name="planeWidth"/> wide, <paramref name="planeHeight"/> high)
    /// into <paramref name="destination"/> at (<paramref name="destinationX"/>, <paramref name="destinationY"/>), converting
    /// values as <see cref="FromPlanar"/> does.
    /// </summary>
    public static void PlanarRegionInto(
        ReadOnlySpan<float> chw, int planeWidth, int planeHeight, PixelRect region, float scale,
        RgbImage destination, int destinationX, int destinationY)
    {
        ArgumentNullException.ThrowIfNull(destination);
        EnsureValidScale(scale);
        var pixels = planeWidth * planeHeight;
        if (chw.Length != 3 * pixels)
            throw new ArgumentException($"Expected {3 * pixels} values for 3x{planeHeight}x{planeWidth}, got {chw.Length}.", nameof(chw));
        if (region.X < 0 || region.Y < 0 || region.Right > planeWidth || region.Bottom > planeHeight)
            throw new ArgumentOutOfRangeException(nameof(region), region, $"Region must lie inside the {planeWidth}x{planeHeight} plane.");
        if (destinationX < 0 || destinationY < 0 || destinationX + region.Width > destination.Width || destinationY + region.Height > destination.Height)
            throw new ArgumentOutOfRangeException(nameof(destinationX), "The region does not fit the destination at that position.");

        var rgb = destination.Rgb.AsSpan();
        for (var y = 0; y < region.Height; y++)
        {
            var source = (region.Y + y) * planeWidth + region.X;
            var target = 3 * ((destinationY + y) * destination.Width + destinationX);
            for (var x = 0; x < region.Width; x++, target += 3)
            {
                rgb[target] = ToByte(chw[source + x] / scale);
                rgb[target + 1] = ToByte(chw[pixels + source + x] / scale);
                rgb[target + 2] = ToByte(chw[2 * pixels + source + x] / scale);
            }
        }
    }
}
