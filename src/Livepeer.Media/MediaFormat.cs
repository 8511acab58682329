namespace Livepeer.Media;

/// <summary>A media container or image format recognised by its magic bytes.</summary>
public enum MediaFormat
{
    /// <summary>Not recognised.</summary>
    Unknown = 0,

    /// <summary>PNG image.</summary>
    Png,

    /// <summary>JPEG (JFIF/EXIF) image.</summary>
    Jpeg,

    /// <summary>GIF image (87a or 89a).</summary>
    Gif,

    /// <summary>Windows bitmap.</summary>
    Bmp,

    /// <summary>WebP image (RIFF container).</summary>
    Webp,

    /// <summary>TIFF image (little- or big-endian).</summary>
    Tiff,

    /// <summary>WAV audio (RIFF container).</summary>
    Wav,

    /// <summary>MP3 audio (ID3 tag or MPEG audio frame).</summary>
    Mp3,

    /// <summary>FLAC audio.</summary>
    Flac,

    /// <summary>Ogg container (Vorbis or Opus audio).</summary>
    Ogg,

    /// <summary>ISO base media file (MP4, MOV, M4A).</summary>
    Mp4,

    /// <summary>EBML container (WebM, Matroska).</summary>
    WebM,
}
