using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Livepeer.Gateway.Tests;

/// <summary>Encodes test images in formats the project itself never writes (clients send JPEG).</summary>
internal static class ImageCodecTestFormats
{
    public static byte[] Jpeg(int width, int height)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 80, 20));
        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }
}
