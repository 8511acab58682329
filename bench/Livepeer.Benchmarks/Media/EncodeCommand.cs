using System.Diagnostics;
using System.Globalization;
using Livepeer.Benchmarks.Cli;
using Livepeer.Media;

namespace Livepeer.Benchmarks.Media;

/// <summary>
/// <c>encode</c>: synthetic frames (a moving, textured gradient) piped through <see cref="VideoEncoder"/> into ffmpeg,
/// wall time per run including ffmpeg's start and reading the file back. Goal: 25 frames at 1024x576 in ≤ 1.5 s.
/// </summary>
internal static class EncodeCommand
{
    private const double GoalSeconds = 1.5;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandArguments(args);
        var count = options.Int("--frames", 25);
        var width = options.Int("--width", 1024);
        var height = options.Int("--height", 576);
        var fps = options.Int("--fps", VideoEncoding.DefaultFps);
        var runs = options.Int("--runs", 5);
        var codec = (options.Text("--codec") ?? "h264") switch
        {
            "h264" => VideoCodec.H264Mp4,
            "vp9" => VideoCodec.Vp9WebM,
            var other => throw new CommandLineException($"--codec: '{other}' is not h264 or vp9"),
        };
        options.EnsureAllRead();

        MachineFacts.Print();
        var frames = Enumerable.Range(0, count).Select(i => Frame(width, height, i)).ToList();
        var settings = new VideoEncoding { Codec = codec, Fps = fps };
        var encoder = new VideoEncoder();
        var timings = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            var video = await encoder.EncodeAsync(frames, settings);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var label = run == 0 ? "warmup" : run.ToString(CultureInfo.InvariantCulture);
            if (run > 0)
                timings.Add(seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"encode run={label} codec={codec} frames={count} size={width}x{height} fps={fps} seconds={seconds:F3} bytes={video.Length} {MachineFacts.LoadAverageField()}"));
        }

        timings.Sort();
        var median = timings[timings.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"encode summary runs={runs} min={timings[0]:F3} median={median:F3} max={timings[^1]:F3} s (goal <= {GoalSeconds} s for 25 frames at 1024x576: {(median <= GoalSeconds ? "met" : "not met")})"));
        return 0;
    }

    // The product term adds texture that moves differently from the gradient, so motion search and residuals cost real work.
    private static RgbImage Frame(int width, int height, int index)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = 3 * ((y * width) + x);
                rgb[at] = (byte)(x + (3 * index));
                rgb[at + 1] = (byte)(y + (2 * index));
                rgb[at + 2] = (byte)(((x + index) * (y - index)) >> 6);
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
