using Livepeer.Media;
using Livepeer.ModelBuilder;
using Livepeer.Testing;

namespace Livepeer.Pipelines.Tests.Video;

/// <summary>Image-to-video end to end on the CPU: a tiny SVD model through the real loader, the MP4 checked with ffprobe.</summary>
public sealed class ImageToVideoTests : IDisposable
{
    private readonly TinyVideoModels models = new();
    private readonly Lazy<ILoadedModel> model;

    public ImageToVideoTests() => model = new(() => models.Load(new TinyVideoDiffusionSpec { Frames = 6 }));

    public void Dispose()
    {
        if (model.IsValueCreated) model.Value.Dispose();
        models.Dispose();
    }

    [Fact]
    public async Task Run_TinyModel_H264Mp4WithTheModelsFramesAtTheRequestsFps()
    {
        var output = await TinyVideoModels.RunAsync(model.Value, new() { ["fps"] = "8", ["seed"] = "1234" });

        var video = Assert.Single(output.Artifacts);
        Assert.Equal("video/mp4", video.ContentType);
        Assert.Equal(1234, video.Seed);
        Assert.False(video.Nsfw);
        var (analysis, decoded) = await VideoProbe.ProbeAsync(video.Data, "mp4");
        var stream = analysis.PrimaryVideoStream!;
        Assert.Equal("h264", stream.CodecName);
        Assert.Equal("yuv420p", stream.PixelFormat);
        Assert.Equal((64, 48), (stream.Width, stream.Height));
        Assert.Equal(8, stream.AverageFrameRate, 3);
        Assert.Equal(6, decoded);
        Assert.Equal(6.0 / 8, analysis.Duration.TotalSeconds, 0.002);
        var boxes = VideoProbe.TopLevelBoxes(video.Data);
        Assert.True(boxes.IndexOf("moov") is >= 0 and var moov && moov < boxes.IndexOf("mdat"), $"moov must precede mdat: {string.Join(' ', boxes)}");
        Assert.Equal(64L * 48 * FeeUnits.VideoFrames, output.Units);
        foreach (var part in new[] { "condition_ms", "denoise_ms", "unet_ms", "decode_ms", "encode_ms" })
            Assert.True(double.Parse(output.Metadata[part], System.Globalization.CultureInfo.InvariantCulture) >= 0, part);
    }

    [Fact]
    public void Run_DevicePartOnly_LeavesTheEncodingToFinish()
    {
        var output = TinyVideoModels.RunOnDevice(model.Value);

        Assert.Empty(output.Artifacts);
        Assert.NotNull(output.Finish);
        Assert.False(output.Metadata.ContainsKey("encode_ms"));
    }

    [Fact]
    public async Task Run_WithoutFps_ConditionsOnTheModelsDefaultAndWritesSevenFps()
    {
        var parameters = new Dictionary<string, string> { ["fps"] = "" };

        var output = await TinyVideoModels.RunAsync(model.Value, parameters);

        var (analysis, _) = await VideoProbe.ProbeAsync(output.Data, "mp4");
        Assert.Equal(7, analysis.PrimaryVideoStream!.AverageFrameRate, 3);
    }

    [Fact]
    public async Task Run_SameSeedSameVideo_OtherSeedOrImageOrConditioningAnotherVideo()
    {
        var first = (await TinyVideoModels.RunAsync(model.Value)).Data;
        var again = (await TinyVideoModels.RunAsync(model.Value)).Data;
        Assert.Equal(first, again);

        Dictionary<string, string>[] changes =
        [
            new() { ["seed"] = "43" },
            new() { ["motion_bucket_id"] = "30" },
            new() { ["noise_aug_strength"] = "0.5" },
            new() { ["fps"] = "8", ["num_inference_steps"] = "4" },
        ];
        foreach (var change in changes)
            Assert.NotEqual(first, (await TinyVideoModels.RunAsync(model.Value, change)).Data);
        Assert.NotEqual(first, (await TinyVideoModels.RunAsync(model.Value, image: ImageCodec.EncodePng(Images.Random(80, 60, 4)))).Data);
    }

    [Fact]
    public async Task Run_UNetWithABatchOfOne_SameVideoAsTheBatchedExport()
    {
        using var batched = models.Load(new TinyVideoDiffusionSpec { Frames = 4, Seed = 9 });
        using var single = models.Load(new TinyVideoDiffusionSpec { Frames = 4, Seed = 9, BatchOfOne = true });

        var expected = await TinyVideoModels.RunAsync(batched);
        var actual = await TinyVideoModels.RunAsync(single);

        Assert.Equal(expected.Data, actual.Data);
    }

    [Fact]
    public async Task Run_Float16UNet_MakesTheVideo()
    {
        using var half = models.Load(new TinyVideoDiffusionSpec { Frames = 3, Float16UNet = true });

        var output = await TinyVideoModels.RunAsync(half);

        var (_, decoded) = await VideoProbe.ProbeAsync(output.Data, "mp4");
        Assert.Equal(3, decoded);
    }

    [Fact]
    public async Task Run_DynamicFrameAxis_TakesTheManifestsFrameCount()
    {
        using var dynamic = models.Load(new TinyVideoDiffusionSpec { Frames = 5, DynamicFrames = true });

        var output = await TinyVideoModels.RunAsync(dynamic);

        Assert.Equal("5", output.Metadata["frames"]);
        var (_, decoded) = await VideoProbe.ProbeAsync(output.Data, "mp4");
        Assert.Equal(5, decoded);
    }

    [Fact]
    public async Task Run_DecodeChunks_ThatDoNotDivideTheFrames_AllFramesDecoded_ChunkingChangesTheTemporalMix()
    {
        using var chunked = models.Load(new TinyVideoDiffusionSpec { Frames = 6 }, new Dictionary<string, string> { ["decode_chunk_size"] = "4" });
        using var whole = models.Load(new TinyVideoDiffusionSpec { Frames = 6 }, new Dictionary<string, string> { ["decode_chunk_size"] = "6" });

        var inChunks = await TinyVideoModels.RunAsync(chunked);
        var inOne = await TinyVideoModels.RunAsync(whole);

        var (_, decoded) = await VideoProbe.ProbeAsync(inChunks.Data, "mp4");
        Assert.Equal(6, decoded);
        Assert.NotEqual(inOne.Data, inChunks.Data);
    }

    [Fact]
    public async Task Run_SafetyChecker_FlagsTheInputImage_UnlessTheRequestTurnsItOff()
    {
        using var strict = models.Load(new TinyVideoDiffusionSpec { Frames = 2, SafetyChecker = true, NsfwThreshold = -100 });

        var flagged = await TinyVideoModels.RunAsync(strict);
        var unchecked_ = await TinyVideoModels.RunAsync(strict, new() { ["safety_check"] = "false" });

        Assert.True(flagged.Artifacts[0].Nsfw);
        Assert.False(unchecked_.Artifacts[0].Nsfw);
    }

    [Fact]
    public async Task Run_ExportWithAFixedSize_RunsThatSize_RefusesAnother()
    {
        using var fixedSize = models.Load(new TinyVideoDiffusionSpec { Frames = 2, FixedSize = (32, 24) });

        var output = await TinyVideoModels.RunAsync(fixedSize, new() { ["width"] = "32", ["height"] = "24" });
        var error = Assert.Throws<InvalidPipelineInputException>(() => TinyVideoModels.RunOnDevice(fixedSize, new() { ["width"] = "64", ["height"] = "48" }));

        Assert.Equal("32", output.Metadata["width"]);
        Assert.Contains("renders 32x24 videos only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TinyVideoModels.RunOnDevice(model.Value, cancellationToken: cancelled.Token));
    }
}
