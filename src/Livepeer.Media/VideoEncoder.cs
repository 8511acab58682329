using System.Globalization;
using FFMpegCore;
using FFMpegCore.Pipes;

namespace Livepeer.Media;

/// <summary>Encodes <see cref="RgbImage"/> frames to H.264 MP4 or VP9 WebM by piping raw rgb24 video into ffmpeg.</summary>
/// <remarks>Needs the ffmpeg executable (5.1 or later, with libx264 and libvpx-vp9); thread-safe, one ffmpeg process per call.</remarks>
public sealed class VideoEncoder
{
    private const int StandardErrorTailLines = 15;

    private readonly string? binaryFolder;

    /// <summary>Uses the ffmpeg in <paramref name="binaryFolder"/>, or the one on PATH when it is null.</summary>
    public VideoEncoder(string? binaryFolder = null)
    {
        if (binaryFolder is not null && string.IsNullOrWhiteSpace(binaryFolder))
            throw new ArgumentException("The ffmpeg folder must be null (search PATH) or a folder path, not blank.", nameof(binaryFolder));
        this.binaryFolder = binaryFolder;
    }

    /// <summary>Extra ffmpeg output arguments; only tests set it, to make ffmpeg fail on purpose.</summary>
    internal string? ExtraOutputArguments { get; init; }

    /// <summary>
    /// Encodes <paramref name="frames"/> in order, each shown for 1/fps seconds, and returns the whole file. Frames must be
    /// non-empty, all the same size, with even width and height (yuv420p halves both for chroma).
    /// </summary>
    /// <exception cref="ArgumentException">No frames, frames of different sizes, odd sizes or invalid settings.</exception>
    /// <exception cref="VideoEncodingException">ffmpeg is not installed or failed; the message ends with its stderr.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffmpeg is killed.</exception>
    public async Task<byte[]> EncodeAsync(IReadOnlyList<RgbImage> frames, VideoEncoding settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var (width, height) = CheckFrames(frames);
        cancellationToken.ThrowIfCancellationRequested();
        var ffmpeg = FindFfmpeg();

        // A file, not a pipe, for the output: +faststart rewrites the MP4 to move the index in front, which needs seeking.
        var folder = Directory.CreateTempSubdirectory("livepeer-video-");
        try
        {
            var output = Path.Combine(folder.FullName, "video." + MediaFormats.Extension(settings.Format));
            var stderr = new StandardErrorTail(StandardErrorTailLines);
            var source = new RawVideoPipeSource(frames.Select(frame => new RgbVideoFrame(frame))) { FrameRate = settings.Fps };
            var processor = FFMpegArguments
                .FromPipeInput(source)
                .OutputToFile(output, overwrite: true, options => options.WithCustomArgument(OutputArguments(settings, ExtraOutputArguments)))
                .NotifyOnStandardError(stderr.Add)
                .CancellableThrough(cancellationToken, TimeSpan.Zero);
            var ffOptions = new FFOptions { BinaryFolder = Path.GetDirectoryName(ffmpeg)!, TemporaryFilesFolder = folder.FullName };

            FFMpegResult result;
            try
            {
                result = await processor.ProcessAsynchronously(throwOnError: false, ffOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The video encoding was cancelled; ffmpeg was stopped.", e, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new VideoEncodingException(
                    $"ffmpeg could not encode {frames.Count} {width}x{height} frames to {settings.Codec} ({e.Message}):\n{stderr}", e);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (result.Cancelled)
                throw new OperationCanceledException("The video encoding was cancelled.");
            if (!result.Success)
            {
                throw new VideoEncodingException(string.Create(CultureInfo.InvariantCulture,
                    $"ffmpeg failed (exit code {result.ExitCode}) encoding {frames.Count} {width}x{height} frames to {settings.Codec}:\n{stderr}"));
            }

            return await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    internal static string OutputArguments(VideoEncoding settings, string? extra = null)
    {
        // -hide_banner is global but ffmpeg finds it anywhere; without it the version banner fills the error tail.
        var common = string.Create(CultureInfo.InvariantCulture, $"-hide_banner -pix_fmt yuv420p -b:v {settings.BitrateKbps}k -r {settings.Fps}");
        var codec = settings.Codec switch
        {
            VideoCodec.H264Mp4 => $"-c:v libx264 -preset {settings.Preset} {common} -movflags +faststart -f mp4",
            VideoCodec.Vp9WebM => $"-c:v libvpx-vp9 -deadline realtime -cpu-used 8 {common} -f webm",
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Codec, "Unknown video codec."),
        };
        return extra is null ? codec : codec + " " + extra;
    }

    private static (int Width, int Height) CheckFrames(IReadOnlyList<RgbImage> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (frames.Count == 0)
            throw new ArgumentException("A video needs at least one frame; none were given.", nameof(frames));
        var first = frames[0] ?? throw new ArgumentException("Frame 0 is null.", nameof(frames));
        if (first.Width % 2 != 0 || first.Height % 2 != 0)
            throw new ArgumentException(
                $"Frame size {first.Width}x{first.Height} is odd; yuv420p video needs an even width and height.", nameof(frames));
        for (var i = 1; i < frames.Count; i++)
        {
            var frame = frames[i] ?? throw new ArgumentException($"Frame {i} is null.", nameof(frames));
            if (frame.Width != first.Width || frame.Height != first.Height)
                throw new ArgumentException(
                    $"Frame {i} is {frame.Width}x{frame.Height} but frame 0 is {first.Width}x{first.Height}; all frames must have the same size.",
                    nameof(frames));
        }
        return (first.Width, first.Height);
    }

    private string FindFfmpeg()
    {
        var folders = binaryFolder is not null
            ? [binaryFolder]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg");
            if (File.Exists(candidate))
                return Path.GetFullPath(candidate);
        }
        var where = binaryFolder is not null ? $"in {binaryFolder}" : "on PATH";
        throw new VideoEncodingException(
            $"ffmpeg was not found {where}. Install FFmpeg 5.1 or later with libx264 and libvpx-vp9 (Debian/Ubuntu: apt-get install ffmpeg).");
    }
}
