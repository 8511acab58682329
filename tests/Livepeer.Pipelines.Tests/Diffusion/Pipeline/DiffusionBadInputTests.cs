using Livepeer.Media;
using Livepeer.ModelBuilder;
using Livepeer.Testing;

namespace Livepeer.Pipelines.Tests.Diffusion.Pipeline;

/// <summary>Bad requests and bad model folders: clear errors naming what is wrong, nothing run on the device for them.</summary>
public sealed class DiffusionBadInputTests : IDisposable
{
    private readonly TinyDiffusionModels models = new();
    private readonly Lazy<ILoadedModel> model;

    public DiffusionBadInputTests() => model = new(() => models.Load(new TinyDiffusionSpec()));

    public void Dispose()
    {
        if (model.IsValueCreated) model.Value.Dispose();
        models.Dispose();
    }

    [Theory]
    [InlineData("num_inference_steps=201", "`num_inference_steps` must be between 1 and 200")]
    [InlineData("width=65", "divisible by 8")]
    [InlineData("height=0", "divisible by 8")]
    [InlineData("width=4096;height=4096", "pixel limit")]
    [InlineData("guidance_scale=-1", "`guidance_scale`")]
    [InlineData("guidance_scale=NaN", "`guidance_scale` must be a number")]
    [InlineData("num_images_per_prompt=9", "`num_images_per_prompt`")]
    [InlineData("seed=x", "`seed` must be an integer")]
    [InlineData("prompt= ", "Prompt must be provided.")]
    public void Run_BadParameter_NamesIt(string parameters, string message)
    {
        var values = parameters.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var error = Assert.Throws<InvalidPipelineInputException>(() => TinyDiffusionModels.TextToImage(model.Value, values));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Run_StepsBelowOne_UseTheModelsDefault(string steps)
    {
        var output = TinyDiffusionModels.TextToImage(model.Value, new() { ["num_inference_steps"] = steps });

        Assert.Equal("50", output.Metadata["num_inference_steps"]);
    }

    [Fact]
    public void Run_TenThousandCharacterPrompt_IsTruncatedLikeClip()
    {
        var longPrompt = string.Concat(Enumerable.Repeat("a photo of a cat ", 600));

        var output = TinyDiffusionModels.TextToImage(model.Value, new() { ["prompt"] = longPrompt[..10_000] });
        var truncatedEquivalent = TinyDiffusionModels.TextToImage(model.Value, new() { ["prompt"] = longPrompt[..2_000] });

        Assert.Equal(output.Data, truncatedEquivalent.Data);
    }

    [Fact]
    public void Run_ImageInputs_CorruptTruncatedBombZeroSizeTiny_AreTheCallersError()
    {
        var png = ImageCodec.EncodePng(Images.Random(32, 32, 1));
        byte[][] inputs = [[1, 2, 3], png[..(png.Length / 2)], TestMedia.PngBomb(), TestMedia.PngBomb(size: 0), ImageCodec.EncodePng(Images.Random(4, 4, 1))];

        foreach (var input in inputs)
            Assert.Throws<InvalidPipelineInputException>(() => TinyDiffusionModels.ImageToImage(model.Value, input, new()));
    }

    [Fact]
    public void Load_MissingGraphFile_NamesTheFile()
    {
        var path = models.Write(new TinyDiffusionSpec());
        File.Delete(Path.Combine(path, "unet", "model.onnx"));

        var error = Assert.Throws<InvalidModelException>(() => TinyDiffusionModels.LoadFolder(path));

        Assert.Contains(Path.Combine("unet", "model.onnx"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongGraphInARole_NamesTheRoleAndTheMissingInput()
    {
        var path = models.Write(new TinyDiffusionSpec());
        File.Copy(Path.Combine(path, "vae_decoder", "model.onnx"), Path.Combine(path, "unet", "model.onnx"), overwrite: true);

        var error = Assert.Throws<InvalidModelException>(() => TinyDiffusionModels.LoadFolder(path));

        Assert.Contains("unet has no input 'sample'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SdxlEncoderWithoutHiddenStates_IsRefused()
    {
        var path = models.Write(new TinyDiffusionSpec { Xl = true });
        var plain = models.Write(new TinyDiffusionSpec());
        File.Copy(Path.Combine(plain, "text_encoder", "model.onnx"), Path.Combine(path, "text_encoder", "model.onnx"), overwrite: true);

        var error = Assert.Throws<InvalidModelException>(() => TinyDiffusionModels.LoadFolder(path));

        Assert.Contains("hidden_states", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scheduler", "pndm")]
    [InlineData("timestep_spacing", "sideways")]
    [InlineData("steps_offset", "2")]
    [InlineData("beta_end", "2")]
    [InlineData("force_steps", "0")]
    public void Load_BadDefaults_NameTheKey(string key, string value)
    {
        var error = Assert.Throws<InvalidModelException>(() => models.Load(new TinyDiffusionSpec(), new Dictionary<string, string> { [key] = value }));

        Assert.Contains(key == "beta_end" ? "BetaEnd" : $"defaults.{key}", error.Message, StringComparison.Ordinal);
    }
}
