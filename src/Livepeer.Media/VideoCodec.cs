namespace Livepeer.Media;

/// <summary>The codec and container a <see cref="VideoEncoder"/> produces.</summary>
public enum VideoCodec
{
    /// <summary>H.264 (libx264, yuv420p) in MP4 with the index at the front, what go-livepeer's orchestrator returns.</summary>
    H264Mp4 = 0,

    /// <summary>VP9 (libvpx-vp9, realtime) in WebM.</summary>
    Vp9WebM,
}
