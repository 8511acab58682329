using FFMpegCore.Pipes;

namespace Livepeer.Media;

/// <summary>One <see cref="RgbImage"/> as a raw rgb24 frame for FFMpegCore's pipe.</summary>
internal sealed class RgbVideoFrame(RgbImage image) : IVideoFrame
{
    public int Width => image.Width;

    public int Height => image.Height;

    public string PixelFormat => "rgb24";

    public void Serialize(Stream pipe) => pipe.Write(image.Rgb);

    public Task SerializeAsync(Stream pipe, CancellationToken token) => pipe.WriteAsync(image.Rgb, token).AsTask();
}
