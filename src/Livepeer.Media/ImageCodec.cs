using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace Livepeer.Media;

/// <summary>Guarded image decoding to RGB24, PNG encoding, and conversion to and from planar float tensors.</summary>
/// <remarks>
/// Alpha is dropped without compositing, as PIL's <c>convert("RGB")</c> does; EXIF orientation is not applied;
/// animated GIF and multi-page TIFF decode their first frame only; animated WebP is unsupported (ImageSharp 2.1 refuses it).
/// All members are thread-safe.
/// </remarks>
public static partial class ImageCodec
{
    private const string Decodable = "PNG, JPEG, GIF, BMP, WebP or TIFF";

    /// <summary>Reads width, height and format from the header only, enforcing <paramref name="limits"/> before any pixel is decoded.</summary>
    /// <exception cref="MediaTooLargeException">The data, a side or the pixel count is over its limit.</exception>
    /// <exception cref="UnsupportedMediaException">Not a decodable image, or its header is corrupt.</exception>
    public static ImageInfo Identify(ReadOnlyMemory<byte> data, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (data.Length > limits.MaxBytes)
            throw new MediaTooLargeException($"The image is {data.Length} bytes; the limit is {limits.MaxBytes} bytes.");

        var format = MediaFormats.Detect(data.Span);
        if (!IsDecodable(format))
        {
            throw new UnsupportedMediaException(format == MediaFormat.Unknown
                ? $"The data is not a recognised image format; expected {Decodable}."
                : $"{format} is not a supported image format; expected {Decodable}.");
        }

        IImageInfo? header;
        try
        {
            using var stream = OpenRead(data);
            header = Image.Identify(ImageSharpConfigurations.ForDecoding(limits.AllocationLimitMegabytes), stream);
        }
        catch (Exception ex)
        {
            throw Translate(ex, format);
        }
        if (header is null || header.Width <= 0 || header.Height <= 0)
            throw new UnsupportedMediaException($"The {format} header is corrupt or unreadable.");

        EnsureWithinLimits(header.Width, header.Height, limits);
        return new ImageInfo(header.Width, header.Height, format);
    }

    /// <summary>Identifies, checks the file is complete, then decodes the first frame to RGB24 under an allocation limit.</summary>
    /// <exception cref="MediaTooLargeException">A limit is exceeded, including the decoder's allocation limit.</exception>
    /// <exception cref="UnsupportedMediaException">Not a decodable image, or truncated or corrupt.</exception>
    public static RgbImage Decode(ReadOnlyMemory<byte> data, ImageLimits limits)
    {
        var info = Identify(data, limits);
        if (!ImageStructure.IsComplete(data.Span, info.Format))
            throw new UnsupportedMediaException($"The {info.Format} data is truncated or corrupt.");

        try
        {
            using var stream = OpenRead(data);
            using var image = Image.Load<Rgb24>(ImageSharpConfigurations.ForDecoding(limits.AllocationLimitMegabytes), stream);
            var frame = image.Frames.RootFrame;
            EnsureWithinLimits(frame.Width, frame.Height, limits);
            var rgb = GC.AllocateUninitializedArray<byte>(frame.Width * frame.Height * 3);
            frame.CopyPixelDataTo(rgb);
            return new RgbImage(frame.Width, frame.Height, rgb);
        }
        catch (Exception ex) when (ex is not (MediaTooLargeException or UnsupportedMediaException))
        {
            throw Translate(ex, info.Format);
        }
    }

    /// <summary>Encodes as 8-bit RGB PNG with fast compression and no metadata chunks (see <see cref="PngWriter"/>).</summary>
    public static byte[] EncodePng(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return PngWriter.Encode(image);
    }

    private static bool IsDecodable(MediaFormat format) => MediaFormats.IsImage(format);

    private static MemoryStream OpenRead(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(data.ToArray(), writable: false);

    private static void EnsureWithinLimits(int width, int height, ImageLimits limits)
    {
        var pixels = (long)width * height;
        if (width <= limits.MaxDimension && height <= limits.MaxDimension && pixels <= limits.MaxPixels)
            return;
        throw new MediaTooLargeException(
            $"The image is {width}x{height} ({pixels} pixels); the limit is {limits.MaxDimension} pixels per side and {limits.MaxPixels} pixels.");
    }

    // Hostile input can surface as almost any exception type from a decoder; callers only ever see ours.
    private static Exception Translate(Exception ex, MediaFormat format) => ex switch
    {
        InvalidMemoryOperationException or OutOfMemoryException or { InnerException: InvalidMemoryOperationException } =>
            new MediaTooLargeException($"Decoding the {format} image needs more memory than allowed: {ex.Message}", ex),
        _ => new UnsupportedMediaException($"The {format} data is corrupt or cannot be decoded: {ex.Message}", ex),
    };
}
