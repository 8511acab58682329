using Livepeer.Media;
using Livepeer.ModelBuilder;
using Livepeer.Testing;

namespace Livepeer.Pipelines.Tests.Video;

/// <summary>Bad image-to-video requests and model folders: clear errors naming what is wrong, before any device work.</summary>
public sealed class ImageToVideoBadInputTests : IDisposable
{
    private readonly TinyVideoModels models = new();
    private readonly Lazy<ILoadedModel> model;

    public ImageToVideoBadInputTests() => model = new(() => models.Load(new TinyVideoDiffusionSpec { Frames = 2 }));

    public void Dispose()
    {
        if (model.IsValueCreated) model.Value.Dispose();
        models.Dispose();
    }

    [Theory]
    [InlineData("width=60", "`height` and `width` have to be divisible by 8 but are 48 and 60.")]
    [InlineData("height=0", "`height` and `width` have to be divisible by 8 but are 0 and 64.")]
    [InlineData("width=2048;height=1024", "2048x1024 is over the 1638400 pixel limit of one video frame.")]
    [InlineData("num_inference_steps=201", "`num_inference_steps` must be between 1 and 200 but is 201.")]
    [InlineData("fps=0", "`fps` must be between 1 and 60 but is 0.")]
    [InlineData("fps=x", "`fps` must be an integer, not 'x'.")]
    [InlineData("motion_bucket_id=1024", "`motion_bucket_id` must be between 0 and 1023 but is 1024.")]
    [InlineData("noise_aug_strength=-0.1", "`noise_aug_strength` must be between 0 and 5 but is -0.1.")]
    [InlineData("noise_aug_strength=NaN", "`noise_aug_strength` must be a number, not 'NaN'.")]
    [InlineData("seed=x", "`seed` must be an integer, not 'x'.")]
    public void Run_BadParameter_NamesIt(string parameters, string message)
    {
        var values = parameters.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var error = Assert.Throws<InvalidPipelineInputException>(() => TinyVideoModels.RunOnDevice(model.Value, values));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Run_StepsBelowOne_UseTheDefault()
    {
        var output = TinyVideoModels.RunOnDevice(model.Value, new() { ["num_inference_steps"] = "0" });

        Assert.Equal("25", output.Metadata["num_inference_steps"]);
    }

    [Fact]
    public void Run_ImageInputs_NoneCorruptTruncatedBomb_AreTheCallersError()
    {
        var png = ImageCodec.EncodePng(Images.Random(32, 32, 1));
        byte[][] inputs = [[], [1, 2, 3], png[..(png.Length / 2)], TestMedia.PngBomb(), TestMedia.PngBomb(size: 0)];

        foreach (var input in inputs)
            Assert.Throws<InvalidPipelineInputException>(() => TinyVideoModels.RunOnDevice(model.Value, image: input));
    }

    [Fact]
    public void Load_FrameCountOtherThanTheUNetsFixedAxis_NamesBoth()
    {
        var path = models.Write(new TinyVideoDiffusionSpec { Frames = 14 }, new Dictionary<string, string> { ["num_frames"] = "25" });

        var error = Assert.Throws<InvalidModelException>(() => TinyVideoModels.LoadFolder(path));

        Assert.Contains("num_frames is 25 but the unet's sample is fixed at 14 frames", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingImageEncoder_NamesTheFile()
    {
        var path = models.Write(new TinyVideoDiffusionSpec { Frames = 2 });
        File.Delete(Path.Combine(path, "image_encoder", "model.onnx"));

        var error = Assert.Throws<InvalidModelException>(() => TinyVideoModels.LoadFolder(path));

        Assert.Contains(Path.Combine("image_encoder", "model.onnx"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AStableDiffusionUNetInTheVideoUNetsPlace_SaysWhatIsMissing()
    {
        var path = models.Write(new TinyVideoDiffusionSpec { Frames = 2 });
        var sd = TinyDiffusionFolder.Write(Path.Combine(path, "sd"), "x", new TinyDiffusionSpec());
        File.Copy(Path.Combine(sd, "unet", "model.onnx"), Path.Combine(path, "unet", "model.onnx"), overwrite: true);

        var error = Assert.Throws<InvalidModelException>(() => TinyVideoModels.LoadFolder(path));

        Assert.Contains("unet has no input 'added_time_ids'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sigma_min", "0")]
    [InlineData("max_guidance_scale", "0.5")]
    [InlineData("decode_chunk_size", "0")]
    public void Load_BadSchedulerOrGuidanceDefaults_NameTheKey(string key, string value)
    {
        var path = models.Write(new TinyVideoDiffusionSpec { Frames = 2 }, new Dictionary<string, string> { [key] = value });

        var error = Assert.Throws<InvalidModelException>(() => TinyVideoModels.LoadFolder(path));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
