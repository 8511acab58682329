namespace Livepeer.Media;

/// <summary>Dimensions and format of an image, read from its header only.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Format">The format detected from the magic bytes.</param>
public sealed record ImageInfo(int Width, int Height, MediaFormat Format)
{
    /// <summary>Width × height.</summary>
    public long Pixels => (long)Width * Height;
}
