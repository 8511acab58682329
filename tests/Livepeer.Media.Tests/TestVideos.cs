namespace Livepeer.Media.Tests;

/// <summary>Synthetic frames for the video encoder.</summary>
internal static class TestVideos
{
    /// <summary>A diagonal gradient shifted by <paramref name="index"/> pixels, so consecutive frames differ.</summary>
    public static RgbImage MovingGradient(int width, int height, int index)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = 3 * ((y * width) + x);
                rgb[at] = (byte)((x + index) * 4);
                rgb[at + 1] = (byte)((y + (2 * index)) * 4);
                rgb[at + 2] = (byte)((x + y) * 2);
            }
        }
        return new RgbImage(width, height, rgb);
    }

    public static List<RgbImage> Frames(int count, int width, int height) =>
        [.. Enumerable.Range(0, count).Select(i => MovingGradient(width, height, i))];
}
