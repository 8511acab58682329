using System.Buffers.Binary;
using System.Text;

namespace Livepeer.Media;

/// <summary>Recognises media by magic bytes and maps formats to content types and file extensions.</summary>
public static class MediaFormats
{
    /// <summary>The most leading bytes <see cref="Detect"/> looks at; a shorter head may still be recognised.</summary>
    public const int SniffLength = 32;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> TiffLittleEndian => [0x49, 0x49, 0x2A, 0x00];
    private static ReadOnlySpan<byte> TiffBigEndian => [0x4D, 0x4D, 0x00, 0x2A];
    private static ReadOnlySpan<byte> EbmlMagic => [0x1A, 0x45, 0xDF, 0xA3];

    // HEIF/AVIF are ISO-BMFF too but are still images, not MP4 video.
    private static readonly string[] ImageBrands = ["avif", "avis", "heic", "heix", "heim", "heis", "mif1", "msf1"];

    /// <summary>Detects the format from the first bytes of a file; never from a file name or declared content type.</summary>
    public static MediaFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PngSignature))
            return MediaFormat.Png;
        if (head.StartsWith(JpegStart))
            return MediaFormat.Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return MediaFormat.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            if (head[8..12].SequenceEqual("WEBP"u8))
                return MediaFormat.Webp;
            if (head[8..12].SequenceEqual("WAVE"u8))
                return MediaFormat.Wav;
            return MediaFormat.Unknown;
        }
        if (head.StartsWith(TiffLittleEndian) || head.StartsWith(TiffBigEndian))
            return MediaFormat.Tiff;
        if (head.StartsWith("fLaC"u8))
            return MediaFormat.Flac;
        if (head.StartsWith("OggS"u8))
            return MediaFormat.Ogg;
        if (head.StartsWith(EbmlMagic))
            return MediaFormat.WebM;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return IsImageBrand(head[8..12]) ? MediaFormat.Unknown : MediaFormat.Mp4;
        if (IsBmp(head))
            return MediaFormat.Bmp;
        if (head.StartsWith("ID3"u8) || IsMpegAudioFrame(head))
            return MediaFormat.Mp3;
        return MediaFormat.Unknown;
    }

    /// <summary>The MIME type served for a format; <c>application/octet-stream</c> for <see cref="MediaFormat.Unknown"/>.</summary>
    public static string ContentType(MediaFormat format) => format switch
    {
        MediaFormat.Unknown => "application/octet-stream",
        MediaFormat.Png => "image/png",
        MediaFormat.Jpeg => "image/jpeg",
        MediaFormat.Gif => "image/gif",
        MediaFormat.Bmp => "image/bmp",
        MediaFormat.Webp => "image/webp",
        MediaFormat.Tiff => "image/tiff",
        MediaFormat.Wav => "audio/wav",
        MediaFormat.Mp3 => "audio/mpeg",
        MediaFormat.Flac => "audio/flac",
        MediaFormat.Ogg => "audio/ogg",
        MediaFormat.Mp4 => "video/mp4",
        MediaFormat.WebM => "video/webm",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown media format value."),
    };

    /// <summary>The lower-case file extension without a dot; <c>bin</c> for <see cref="MediaFormat.Unknown"/>.</summary>
    public static string Extension(MediaFormat format) => format switch
    {
        MediaFormat.Unknown => "bin",
        MediaFormat.Png => "png",
        MediaFormat.Jpeg => "jpg",
        MediaFormat.Gif => "gif",
        MediaFormat.Bmp => "bmp",
        MediaFormat.Webp => "webp",
        MediaFormat.Tiff => "tiff",
        MediaFormat.Wav => "wav",
        MediaFormat.Mp3 => "mp3",
        MediaFormat.Flac => "flac",
        MediaFormat.Ogg => "ogg",
        MediaFormat.Mp4 => "mp4",
        MediaFormat.WebM => "webm",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown media format value."),
    };

    /// <summary>Whether the format is a still (or animated) image.</summary>
    public static bool IsImage(MediaFormat format) => format is >= MediaFormat.Png and <= MediaFormat.Tiff;

    /// <summary>Whether the format is an audio-only container.</summary>
    public static bool IsAudio(MediaFormat format) => format is >= MediaFormat.Wav and <= MediaFormat.Ogg;

    /// <summary>Whether the format is a video container.</summary>
    public static bool IsVideo(MediaFormat format) => format is MediaFormat.Mp4 or MediaFormat.WebM;

    /// <summary>Maps an extension produced by <see cref="Extension"/> back to its format; exact, lower case only.</summary>
    internal static MediaFormat FromExtension(ReadOnlySpan<char> extension) => extension switch
    {
        "png" => MediaFormat.Png,
        "jpg" => MediaFormat.Jpeg,
        "gif" => MediaFormat.Gif,
        "bmp" => MediaFormat.Bmp,
        "webp" => MediaFormat.Webp,
        "tiff" => MediaFormat.Tiff,
        "wav" => MediaFormat.Wav,
        "mp3" => MediaFormat.Mp3,
        "flac" => MediaFormat.Flac,
        "ogg" => MediaFormat.Ogg,
        "mp4" => MediaFormat.Mp4,
        "webm" => MediaFormat.WebM,
        _ => MediaFormat.Unknown,
    };

    private static bool IsImageBrand(ReadOnlySpan<byte> brand)
    {
        foreach (var candidate in ImageBrands)
        {
            if (brand.Length == candidate.Length && Ascii.Equals(brand, candidate))
                return true;
        }
        return false;
    }

    // "BM" alone matches plenty of text, so also require a known DIB header size.
    private static bool IsBmp(ReadOnlySpan<byte> head)
    {
        if (head.Length < 18 || !head.StartsWith("BM"u8))
            return false;
        var dibHeaderSize = BinaryPrimitives.ReadUInt32LittleEndian(head[14..]);
        return dibHeaderSize is 12 or 40 or 52 or 56 or 64 or 108 or 124;
    }

    // 11 sync bits, then reject the reserved version/layer/bitrate/sample-rate codes; layer 00 also excludes AAC ADTS.
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0)
            return false;
        var version = (head[1] >> 3) & 0b11;
        var layer = (head[1] >> 1) & 0b11;
        var bitrate = head[2] >> 4;
        var sampleRate = (head[2] >> 2) & 0b11;
        return version != 0b01 && layer != 0b00 && bitrate != 0b1111 && sampleRate != 0b11;
    }
}
