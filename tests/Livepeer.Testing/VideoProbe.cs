using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FFMpegCore;

namespace Livepeer.Testing;

/// <summary>What ffprobe says about encoded video bytes, and the MP4's top-level box order.</summary>
public static class VideoProbe
{
    /// <summary>ffprobe of the bytes with <c>-count_frames</c>, so the decoded frame count is known too.</summary>
    public static async Task<(IMediaAnalysis Analysis, int DecodedFrames)> ProbeAsync(byte[] video, string extension)
    {
        var folder = Directory.CreateTempSubdirectory("livepeer-probe-");
        try
        {
            var path = Path.Combine(folder.FullName, "probe." + extension);
            await File.WriteAllBytesAsync(path, video);
            var analysis = await FFProbe.AnalyseAsync(path, customArguments: "-count_frames");
            if (analysis.Raw.Streams.Count != 1)
                throw new InvalidOperationException($"ffprobe found {analysis.Raw.Streams.Count} streams; one video stream expected.");
            if (!analysis.Raw.Streams[0].ExtensionData.TryGetValue("nb_read_frames", out var read))
                throw new InvalidOperationException("ffprobe gave no nb_read_frames.");
            var count = read.ValueKind == JsonValueKind.String
                ? int.Parse(read.GetString()!, CultureInfo.InvariantCulture)
                : read.GetInt32();
            return (analysis, count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The types of the top-level ISO-BMFF boxes in file order (e.g. <c>moov</c> before <c>mdat</c> after faststart).</summary>
    public static List<string> TopLevelBoxes(byte[] mp4)
    {
        ArgumentNullException.ThrowIfNull(mp4);
        var boxes = new List<string>();
        long at = 0;
        while (at + 8 <= mp4.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan((int)at));
            boxes.Add(Encoding.ASCII.GetString(mp4, (int)at + 4, 4));
            if (size == 1)
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(mp4.AsSpan((int)at + 8));
            else if (size == 0)
                size = mp4.Length - at;
            if (size < 8)
                throw new InvalidOperationException($"A box of size {size} at offset {at}: not an MP4.");
            at += size;
        }

        if (at != mp4.Length)
            throw new InvalidOperationException($"The boxes end at {at}, the file at {mp4.Length}.");
        return boxes;
    }
}
