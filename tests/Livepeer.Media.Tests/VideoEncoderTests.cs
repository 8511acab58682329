using System.Diagnostics;
using Livepeer.Testing;

namespace Livepeer.Media.Tests;

public sealed class VideoEncoderTests
{
    private readonly VideoEncoder encoder = new();

    [Fact]
    public async Task EncodeAsync_H264_25FramesAt8Fps_IsFaststartH264Yuv420pWithEveryFrame()
    {
        var video = await encoder.EncodeAsync(TestVideos.Frames(25, 64, 48), new VideoEncoding { Fps = 8 });

        var (analysis, decoded) = await VideoProbe.ProbeAsync(video, "mp4");
        var stream = analysis.PrimaryVideoStream!;
        Assert.Equal("h264", stream.CodecName);
        Assert.Equal("yuv420p", stream.PixelFormat);
        Assert.Equal((64, 48), (stream.Width, stream.Height));
        Assert.Equal(8, stream.AverageFrameRate, 3);
        Assert.Equal(25, decoded);
        Assert.Equal(25.0 / 8, analysis.Duration.TotalSeconds, 0.002);
        var boxes = VideoProbe.TopLevelBoxes(video);
        Assert.Equal("ftyp", boxes[0]);
        Assert.True(boxes.IndexOf("moov") is >= 0 and var moov && moov < boxes.IndexOf("mdat"), $"moov must precede mdat: {string.Join(' ', boxes)}");
    }

    [Fact]
    public async Task EncodeAsync_H264_14FramesAt6Fps_KeepsFrameCountAndDuration()
    {
        var video = await encoder.EncodeAsync(TestVideos.Frames(14, 32, 32), new VideoEncoding { Fps = 6 });

        var (analysis, decoded) = await VideoProbe.ProbeAsync(video, "mp4");
        Assert.Equal(14, decoded);
        Assert.Equal(6, analysis.PrimaryVideoStream!.AverageFrameRate, 3);
        // MP4 stores the duration in milliseconds.
        Assert.Equal(14.0 / 6, analysis.Duration.TotalSeconds, 0.002);
    }

    [Fact]
    public async Task EncodeAsync_Output_IsRecognisedAsMp4()
    {
        var video = await encoder.EncodeAsync(TestVideos.Frames(3, 16, 16), VideoEncoding.Default);

        Assert.Equal(MediaFormat.Mp4, MediaFormats.Detect(video));
        Assert.Equal(MediaFormat.Mp4, VideoEncoding.Default.Format);
    }

    [Fact]
    public async Task EncodeAsync_Vp9_IsWebMWithEveryFrame()
    {
        var settings = new VideoEncoding { Codec = VideoCodec.Vp9WebM, Fps = 8 };
        var video = await encoder.EncodeAsync(TestVideos.Frames(10, 64, 48), settings);

        Assert.Equal(MediaFormat.WebM, MediaFormats.Detect(video));
        Assert.Equal(MediaFormat.WebM, settings.Format);
        var (analysis, decoded) = await VideoProbe.ProbeAsync(video, "webm");
        Assert.Equal("vp9", analysis.PrimaryVideoStream!.CodecName);
        Assert.Equal("yuv420p", analysis.PrimaryVideoStream.PixelFormat);
        Assert.Equal((64, 48), (analysis.PrimaryVideoStream.Width, analysis.PrimaryVideoStream.Height));
        Assert.Equal(10, decoded);
    }

    [Theory]
    [InlineData(63, 48)]
    [InlineData(64, 47)]
    public async Task EncodeAsync_OddSize_IsRefused(int width, int height)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            encoder.EncodeAsync(TestVideos.Frames(2, width, height), VideoEncoding.Default));

        Assert.Contains("even width and height", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{width}x{height}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncodeAsync_FramesOfDifferentSizes_AreRefused()
    {
        List<RgbImage> frames = [TestVideos.MovingGradient(64, 48, 0), TestVideos.MovingGradient(64, 48, 1), TestVideos.MovingGradient(48, 64, 2)];

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            encoder.EncodeAsync(frames, VideoEncoding.Default));

        Assert.Contains("Frame 2 is 48x64 but frame 0 is 64x48", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncodeAsync_NoFrames_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            encoder.EncodeAsync([], VideoEncoding.Default));

        Assert.Contains("at least one frame", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 6000, "veryfast", "Fps")]
    [InlineData(241, 6000, "veryfast", "Fps")]
    [InlineData(7, 0, "veryfast", "BitrateKbps")]
    [InlineData(7, 6000, "veryfast -vf hflip", "Preset")]
    public async Task EncodeAsync_InvalidSettings_AreRefusedByName(int fps, int bitrate, string preset, string setting)
    {
        var settings = new VideoEncoding { Fps = fps, BitrateKbps = bitrate, Preset = preset };

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            encoder.EncodeAsync(TestVideos.Frames(1, 16, 16), settings));

        Assert.Contains("VideoEncoding." + setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncodeAsync_Cancelled_StopsFfmpegAndCleansUp()
    {
        // Many large frames (four distinct images, repeated) so that encoding takes far longer than the cancel delay.
        var distinct = TestVideos.Frames(4, 640, 480);
        var frames = Enumerable.Range(0, 3000).Select(i => distinct[i % 4]).ToList();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var started = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => encoder.EncodeAsync(frames, VideoEncoding.Default, cancel.Token));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {started.Elapsed}");
        Assert.Empty(RunningEncoderFfmpegs());
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), "livepeer-video-*"));
    }

    [Fact]
    public async Task EncodeAsync_FfmpegFails_ThrowsWithItsStandardError()
    {
        var failing = new VideoEncoder { ExtraOutputArguments = "-bsf:v no_such_filter" };

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() =>
            failing.EncodeAsync(TestVideos.Frames(2, 16, 16), VideoEncoding.Default));

        Assert.Contains("ffmpeg failed (exit code", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_filter", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("configuration:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncodeAsync_NoFfmpeg_NamesWhatToInstall()
    {
        using var empty = new TempFolder();
        var missing = new VideoEncoder(empty.Path);

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() =>
            missing.EncodeAsync(TestVideos.Frames(2, 16, 16), VideoEncoding.Default));

        Assert.Contains("ffmpeg was not found in " + empty.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install ffmpeg", error.Message, StringComparison.Ordinal);
    }

    private static List<int> RunningEncoderFfmpegs()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var running = Directory.GetDirectories("/proc")
                .Select(Path.GetFileName)
                .Where(name => int.TryParse(name, out _))
                .Where(name => ReadCommandLine(name!).Contains("livepeer-video-", StringComparison.Ordinal))
                .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            if (running.Count == 0 || deadline.Elapsed > TimeSpan.FromSeconds(3))
                return running;
            Thread.Sleep(50);
        }
    }

    private static string ReadCommandLine(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
