using Livepeer.Media;
using Livepeer.ModelBuilder;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Livepeer.Pipelines.Tests.Diffusion.Pipeline;

/// <summary>Image-to-image: the VAE-encoded input, noised for <c>strength</c>, denoised from there.</summary>
public sealed class ImageToImageTests : IDisposable
{
    private readonly TinyDiffusionModels models = new();

    public void Dispose() => models.Dispose();

    [Fact]
    public void Run_OutputFollowsTheInputSize_CroppedToBlocksOf8_PricedByInputPixels()
    {
        using var model = models.Load(new TinyDiffusionSpec());

        var output = TinyDiffusionModels.ImageToImage(model, ImageCodec.EncodePng(Images.Random(70, 50, seed: 1)), new() { ["num_images_per_prompt"] = "2" });

        var image = ImageCodec.Decode(output.Data, ImageLimits.Default);
        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.Equal(64 * 48 * 2, output.Units);
        Assert.Equal([42L, 43L], output.Artifacts.Select(a => a.Seed));
    }

    [Theory]
    [InlineData("euler")]
    [InlineData("ddim")]
    [InlineData("lcm")]
    public void Run_LowStrength_StaysCloserToTheInputThanFullStrength(string scheduler)
    {
        using var model = models.Load(new TinyDiffusionSpec(), new Dictionary<string, string> { ["scheduler"] = scheduler });
        var input = Images.Random(64, 64, seed: 2);
        var png = ImageCodec.EncodePng(input);

        var faint = Decode(TinyDiffusionModels.ImageToImage(model, png, new() { ["strength"] = "0.1", ["num_inference_steps"] = "10" }));
        var full = Decode(TinyDiffusionModels.ImageToImage(model, png, new() { ["strength"] = "1", ["num_inference_steps"] = "10" }));

        Assert.True(MeanAbsoluteDifference(faint, input) < MeanAbsoluteDifference(full, input));
        Assert.NotEqual(faint, full);
    }

    [Fact]
    public void Run_GrayscaleAndAlphaInputs_AreConvertedToRgb()
    {
        using var model = models.Load(new TinyDiffusionSpec());
        using var gray = new Image<L8>(32, 24, new L8(100));
        using var alpha = new Image<Rgba32>(32, 24, new Rgba32(10, 200, 30, 40));

        Assert.Equal((32, 24), Size(TinyDiffusionModels.ImageToImage(model, Png(gray), new())));
        Assert.Equal((32, 24), Size(TinyDiffusionModels.ImageToImage(model, Png(alpha), new())));
    }

    [Fact]
    public void Run_ModelWithoutAVaeEncoder_ExplainsIt()
    {
        var path = models.Write(new TinyDiffusionSpec());
        var manifest = ModelManifest.Load(path);
        (manifest with { Files = manifest.Files.Remove("vae_encoder") }).Save(path);
        using var model = TinyDiffusionModels.LoadFolder(path);

        var error = Assert.Throws<InvalidPipelineInputException>(() => TinyDiffusionModels.ImageToImage(model, ImageCodec.EncodePng(Images.Random(16, 16, 1)), new()));

        Assert.Contains("image-to-image", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Png<T>(Image<T> image)
        where T : unmanaged, IPixel<T>
    {
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    private static RgbImage Decode(PipelineOutput output) => ImageCodec.Decode(output.Data, ImageLimits.Default);

    private static (int, int) Size(PipelineOutput output)
    {
        var image = Decode(output);
        return (image.Width, image.Height);
    }

    private static double MeanAbsoluteDifference(RgbImage a, RgbImage b)
    {
        long sum = 0;
        for (var i = 0; i < a.Rgb.Length; i++) sum += Math.Abs(a.Rgb[i] - b.Rgb[i]);
        return (double)sum / a.Rgb.Length;
    }
}
