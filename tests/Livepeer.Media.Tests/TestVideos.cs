using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using FFMpegCore;

namespace Livepeer.Media.Tests;

/// <summary>Synthetic frames for the video encoder and what ffprobe says about the result.</summary>
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

    /// <summary>ffprobe of the bytes with <c>-count_frames</c>, so the decoded frame count is known too.</summary>
    public static async Task<(IMediaAnalysis Analysis, int DecodedFrames)> ProbeAsync(byte[] video, string extension)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "probe." + extension);
        await File.WriteAllBytesAsync(path, video);
        var analysis = await FFProbe.AnalyseAsync(path, customArguments: "-count_frames");
        var stream = Assert.Single(analysis.Raw.Streams);
        Assert.True(stream.ExtensionData.TryGetValue("nb_read_frames", out var read), "ffprobe gave no nb_read_frames");
        var count = read.ValueKind == JsonValueKind.String
            ? int.Parse(read.GetString()!, CultureInfo.InvariantCulture)
            : read.GetInt32();
        return (analysis, count);
    }

    /// <summary>The types of the top-level ISO-BMFF boxes in file order.</summary>
    public static List<string> TopLevelBoxes(byte[] mp4)
    {
        var boxes = new List<string>();
        long at = 0;
        while (at + 8 <= mp4.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan((int)at));
            boxes.Add(System.Text.Encoding.ASCII.GetString(mp4, (int)at + 4, 4));
            if (size == 1)
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(mp4.AsSpan((int)at + 8));
            else if (size == 0)
                size = mp4.Length - at;
            Assert.True(size >= 8, $"box of size {size} at {at}");
            at += size;
        }
        Assert.Equal(mp4.Length, at);
        return boxes;
    }
}
