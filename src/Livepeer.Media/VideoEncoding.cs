using System.Globalization;

namespace Livepeer.Media;

/// <summary>How a sequence of frames is encoded: codec and container, frame rate, bitrate and x264 preset.</summary>
public sealed record VideoEncoding
{
    /// <summary>The MP4 frame rate go-livepeer's orchestrator uses when an image-to-video request gives no fps.</summary>
    public const int DefaultFps = 7;

    /// <summary>The highest accepted frame rate.</summary>
    public const int MaxFps = 240;

    /// <summary>The bitrate of go-livepeer's image-to-video transcode profile, in kbit/s.</summary>
    public const int DefaultBitrateKbps = 6000;

    /// <summary>The highest accepted bitrate, in kbit/s.</summary>
    public const int MaxBitrateKbps = 200_000;

    /// <summary>The x264 presets, fastest first.</summary>
    public static IReadOnlyList<string> X264Presets { get; } =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"];

    /// <summary>H.264 MP4 at 7 fps, 6000 kbit/s, preset veryfast.</summary>
    public static VideoEncoding Default { get; } = new();

    /// <summary>Codec and container; H.264 MP4 by default.</summary>
    public VideoCodec Codec { get; init; } = VideoCodec.H264Mp4;

    /// <summary>Frames per second of the output, 1 to <see cref="MaxFps"/>; every frame is shown for 1/fps seconds.</summary>
    public int Fps { get; init; } = DefaultFps;

    /// <summary>Target video bitrate in kbit/s, 1 to <see cref="MaxBitrateKbps"/>.</summary>
    public int BitrateKbps { get; init; } = DefaultBitrateKbps;

    /// <summary>The x264 preset (one of <see cref="X264Presets"/>); VP9 ignores it and always encodes in realtime mode.</summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>The container format of the output bytes.</summary>
    public MediaFormat Format => Codec == VideoCodec.Vp9WebM ? MediaFormat.WebM : MediaFormat.Mp4;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Codec))
            throw new ArgumentException($"VideoEncoding.Codec {Codec} is not one of {string.Join(", ", Enum.GetNames<VideoCodec>())}.", nameof(Codec));
        if (Fps is < 1 or > MaxFps)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"VideoEncoding.Fps must be 1 to {MaxFps}, got {Fps}."), nameof(Fps));
        if (BitrateKbps is < 1 or > MaxBitrateKbps)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"VideoEncoding.BitrateKbps must be 1 to {MaxBitrateKbps}, got {BitrateKbps}."), nameof(BitrateKbps));
        // The preset ends up on ffmpeg's command line, so only known words are let through.
        if (!X264Presets.Contains(Preset, StringComparer.Ordinal))
            throw new ArgumentException($"VideoEncoding.Preset must be one of {string.Join(", ", X264Presets)}, got '{Preset}'.", nameof(Preset));
    }
}
