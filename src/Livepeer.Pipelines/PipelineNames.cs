using System.Collections.Frozen;

namespace Livepeer.Pipelines;

/// <summary>The Livepeer AI pipelines (go-livepeer capability names), the only names configuration may use.</summary>
public static class PipelineNames
{
    /// <summary>Text to image.</summary>
    public const string TextToImage = "text-to-image";
    /// <summary>Image to image.</summary>
    public const string ImageToImage = "image-to-image";
    /// <summary>Image to video.</summary>
    public const string ImageToVideo = "image-to-video";
    /// <summary>Upscale.</summary>
    public const string Upscale = "upscale";
    /// <summary>Audio to text.</summary>
    public const string AudioToText = "audio-to-text";
    /// <summary>Segment anything 2.</summary>
    public const string SegmentAnything2 = "segment-anything-2";
    /// <summary>Large language model.</summary>
    public const string Llm = "llm";
    /// <summary>Image to text.</summary>
    public const string ImageToText = "image-to-text";
    /// <summary>Text to speech.</summary>
    public const string TextToSpeech = "text-to-speech";
    /// <summary>Live video to video.</summary>
    public const string LiveVideoToVideo = "live-video-to-video";

    /// <summary>Every known pipeline name.</summary>
    public static FrozenSet<string> All { get; } = new[]
    {
        TextToImage, ImageToImage, ImageToVideo, Upscale, AudioToText,
        SegmentAnything2, Llm, ImageToText, TextToSpeech, LiveVideoToVideo,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is a known pipeline (exact, lower-case).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name);
}
