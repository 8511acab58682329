namespace Livepeer.Api;

/// <summary>Paths of the Livepeer AI API; each is also served under <see cref="StudioPrefix"/>.</summary>
public static class ApiPaths
{
    /// <summary>Livepeer Studio's base path, which clients written for Studio use.</summary>
    public const string StudioPrefix = "/api/beta/generate";

    /// <summary>JSON.</summary>
    public const string TextToImage = "/text-to-image";

    /// <summary>Multipart.</summary>
    public const string ImageToImage = "/image-to-image";

    /// <summary>Multipart.</summary>
    public const string ImageToVideo = "/image-to-video";

    /// <summary>JSON <see cref="AsyncJobResultRequest"/>: polls an image-to-video job started with <c>Prefer: respond-async</c>.</summary>
    public const string ImageToVideoResult = "/image-to-video/result";

    /// <summary>Multipart.</summary>
    public const string Upscale = "/upscale";

    /// <summary>Multipart.</summary>
    public const string AudioToText = "/audio-to-text";

    /// <summary>Multipart.</summary>
    public const string SegmentAnything2 = "/segment-anything-2";

    /// <summary>JSON.</summary>
    public const string Llm = "/llm";

    /// <summary>Multipart.</summary>
    public const string ImageToText = "/image-to-text";

    /// <summary>JSON.</summary>
    public const string TextToSpeech = "/text-to-speech";

    /// <summary>Generated media: <c>/stream/{requestId}/{file}</c>.</summary>
    public const string Stream = "/stream";
}
