namespace Livepeer.Media;

/// <summary>An 8-bit RGB image, rows top to bottom, pixels interleaved R, G, B with no padding.</summary>
/// <remarks>Equality compares the pixel bytes, not the array reference.</remarks>
public sealed record RgbImage
{
    /// <summary>Wraps <paramref name="rgb"/> (not copied), which must hold exactly width × height × 3 bytes.</summary>
    public RgbImage(int width, int height, byte[] rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.LongLength != 3L * width * height)
            throw new ArgumentException($"Expected {3L * width * height} bytes for {width}x{height} RGB, got {rgb.LongLength}.", nameof(rgb));
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixels, interleaved RGB24.</summary>
    public byte[] Rgb { get; }

    /// <summary>Deconstructs into width, height and pixel bytes.</summary>
    public void Deconstruct(out int width, out int height, out byte[] rgb) => (width, height, rgb) = (Width, Height, Rgb);

    /// <summary>True when both have the same size and the same pixel bytes.</summary>
    public bool Equals(RgbImage? other) =>
        other is not null && Width == other.Width && Height == other.Height && Rgb.AsSpan().SequenceEqual(other.Rgb);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Width);
        hash.Add(Height);
        hash.AddBytes(Rgb);
        return hash.ToHashCode();
    }
}
