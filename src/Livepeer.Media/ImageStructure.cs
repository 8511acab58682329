namespace Livepeer.Media;

/// <summary>
/// Cheap walks over an image's container structure. ImageSharp 2.1 decodes most truncated files without an error
/// (missing pixels come out black or grey), whereas the Python runner's PIL rejects them, so Decode checks first.
/// </summary>
internal static partial class ImageStructure
{
    /// <summary>Whether every part of the first frame that the decoder reads is present.</summary>
    public static bool IsComplete(ReadOnlySpan<byte> data, MediaFormat format) =>
        format switch
        {
            MediaFormat.Png => IsCompletePng(data),
            MediaFormat.Jpeg => IsCompleteJpeg(data),
            MediaFormat.Gif => IsCompleteGif(data),
            MediaFormat.Bmp => IsCompleteBmp(data),
            MediaFormat.Webp => IsCompleteWebp(data),
            MediaFormat.Tiff => IsCompleteTiff(data),
            _ => false,
        };
}
