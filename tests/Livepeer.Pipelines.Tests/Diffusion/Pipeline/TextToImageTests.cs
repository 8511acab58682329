using Livepeer.Media;
using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests.Diffusion.Pipeline;

/// <summary>Text-to-image through tiny graphs with the real SD/SDXL contracts, on real ONNX Runtime sessions.</summary>
public sealed class TextToImageTests : IDisposable
{
    private readonly TinyDiffusionModels models = new();

    public void Dispose() => models.Dispose();

    [Fact]
    public void Run_TwoImages_PngsOfTheRequestedSize_SeedPlusI_PricedByOutputPixels()
    {
        using var model = models.Load(new TinyDiffusionSpec());

        var output = TinyDiffusionModels.TextToImage(model, new() { ["num_images_per_prompt"] = "2" });

        Assert.Equal([42L, 43L], output.Artifacts.Select(a => a.Seed));
        Assert.All(output.Artifacts, a => Assert.Equal("image/png", a.ContentType));
        var images = output.Artifacts.Select(a => ImageCodec.Decode(a.Data, ImageLimits.Default)).ToList();
        Assert.All(images, image => Assert.Equal((64, 48), (image.Width, image.Height)));
        Assert.NotEqual(images[0], images[1]);
        Assert.Equal(64 * 48 * 2, output.Units);

        // Not a degenerate image: the tiny decoder stays out of saturation and the values spread.
        var clipped = images[0].Rgb.Count(b => b is 0 or 255);
        Assert.InRange(clipped, 0, images[0].Rgb.Length / 10);
        Assert.True(images[0].Rgb.Distinct().Count() > 16);
    }

    [Fact]
    public void Run_SameSeed_SameImage_NextSeed_TheSecondImageOfTheFirstRun()
    {
        using var model = models.Load(new TinyDiffusionSpec());

        var pair = TinyDiffusionModels.TextToImage(model, new() { ["num_images_per_prompt"] = "2" });
        var again = TinyDiffusionModels.TextToImage(model, new());
        var next = TinyDiffusionModels.TextToImage(model, new() { ["seed"] = "43" });

        Assert.Equal(pair.Artifacts[0].Data, again.Data);
        Assert.Equal(pair.Artifacts[1].Data, next.Data);
    }

    [Fact]
    public void Run_GuidanceAndNegativePrompt_ChangeTheImage_OnlyWhenGuided()
    {
        using var model = models.Load(new TinyDiffusionSpec());

        var guided = TinyDiffusionModels.TextToImage(model, new() { ["guidance_scale"] = "7.5" });
        var guidedNegative = TinyDiffusionModels.TextToImage(model, new() { ["guidance_scale"] = "7.5", ["negative_prompt"] = "blurry" });
        var unguided = TinyDiffusionModels.TextToImage(model, new() { ["guidance_scale"] = "1" });
        var unguidedNegative = TinyDiffusionModels.TextToImage(model, new() { ["guidance_scale"] = "1", ["negative_prompt"] = "blurry" });
        var otherPrompt = TinyDiffusionModels.TextToImage(model, new() { ["guidance_scale"] = "1", ["prompt"] = "a cat" });

        Assert.NotEqual(guided.Data, guidedNegative.Data);
        Assert.NotEqual(guided.Data, unguided.Data);
        Assert.Equal(unguided.Data, unguidedNegative.Data);
        Assert.NotEqual(unguided.Data, otherPrompt.Data);
    }

    [Fact]
    public void Run_TurboOverrides_ForceGuidanceZeroAndTheStepCount()
    {
        using var model = models.Load(new TinyDiffusionSpec(), new Dictionary<string, string> { ["force_guidance_scale"] = "0", ["force_steps"] = "2", ["timestep_spacing"] = "trailing" });

        var output = TinyDiffusionModels.TextToImage(model, new() { ["guidance_scale"] = "7.5", ["num_inference_steps"] = "50", ["negative_prompt"] = "x" });
        var withoutNegative = TinyDiffusionModels.TextToImage(model, new() { ["guidance_scale"] = "7.5", ["num_inference_steps"] = "50" });

        Assert.Equal("0", output.Metadata["guidance_scale"]);
        Assert.Equal("2", output.Metadata["num_inference_steps"]);
        Assert.Equal(output.Data, withoutNegative.Data);
    }

    [Theory]
    [InlineData("euler", "leading", false)]
    [InlineData("euler", "trailing", true)]
    [InlineData("euler_a", "trailing", false)]
    [InlineData("lcm", "leading", false)]
    [InlineData("ddim", "linspace", true)]
    public void Run_EverySchedulerAndSpacing_GivesAnImageThatDependsOnTheSeed(string scheduler, string spacing, bool floatTimestep)
    {
        using var model = models.Load(new TinyDiffusionSpec { FloatTimestep = floatTimestep }, new Dictionary<string, string> { ["scheduler"] = scheduler, ["timestep_spacing"] = spacing });

        var first = TinyDiffusionModels.TextToImage(model, new() { ["seed"] = "1" });
        var second = TinyDiffusionModels.TextToImage(model, new() { ["seed"] = "2" });

        Assert.Equal((64, 48), Size(first));
        Assert.NotEqual(first.Data, second.Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_Float16UNet_FedAndReadInHalfPrecision_CloseToTheFloat32Model(bool xl)
    {
        using var single = models.Load(new TinyDiffusionSpec { Xl = xl, FloatTimestep = true });
        using var half = models.Load(new TinyDiffusionSpec { Xl = xl, FloatTimestep = true, Float16UNet = true });

        var expected = ImageCodec.Decode(TinyDiffusionModels.TextToImage(single, new()).Data, ImageLimits.Default);
        var actual = ImageCodec.Decode(TinyDiffusionModels.TextToImage(half, new()).Data, ImageLimits.Default);

        // Same weights (same seed); only the rounding of the UNet's inputs and outputs to float16 differs.
        Assert.InRange(expected.Rgb.Zip(actual.Rgb, (a, b) => Math.Abs(a - b)).Max(), 0, 12);
    }

    [Fact]
    public void Run_Sdxl_TwoEncoders_SecondPromptAfterABar()
    {
        using var model = models.Load(new TinyDiffusionSpec { Xl = true }, new Dictionary<string, string> { ["scheduler"] = "euler_a", ["timestep_spacing"] = "trailing" });

        var same = TinyDiffusionModels.TextToImage(model, new() { ["prompt"] = "a cat" });
        var explicitSame = TinyDiffusionModels.TextToImage(model, new() { ["prompt"] = "a cat|a cat" });
        var split = TinyDiffusionModels.TextToImage(model, new() { ["prompt"] = "a cat|a photo" });

        Assert.Equal((64, 48), Size(same));
        Assert.Equal(same.Data, explicitSame.Data);
        Assert.NotEqual(same.Data, split.Data);
    }

    [Fact]
    public void Run_SafetyChecker_SetsNsfw_UnlessTheRequestTurnsItOff()
    {
        using var flagging = models.Load(new TinyDiffusionSpec { SafetyChecker = true, NsfwThreshold = float.NegativeInfinity });
        using var passing = models.Load(new TinyDiffusionSpec { SafetyChecker = true, NsfwThreshold = float.PositiveInfinity });

        Assert.True(TinyDiffusionModels.TextToImage(flagging, new()).Artifacts[0].Nsfw);
        Assert.False(TinyDiffusionModels.TextToImage(flagging, new() { ["safety_check"] = "false" }).Artifacts[0].Nsfw);
        Assert.False(TinyDiffusionModels.TextToImage(passing, new()).Artifacts[0].Nsfw);
    }

    [Fact]
    public void WarmUp_RunsOneStep()
    {
        using var model = models.Load(new TinyDiffusionSpec { Xl = true, SafetyChecker = true });

        model.WarmUp(CancellationToken.None);

        Assert.Equal("CPUExecutionProvider", model.ExecutionProvider);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var model = models.Load(new TinyDiffusionSpec());
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TinyDiffusionModels.TextToImage(model, new(), cancellation.Token));
    }

    private static (int, int) Size(PipelineOutput output)
    {
        var image = ImageCodec.Decode(output.Data, ImageLimits.Default);
        return (image.Width, image.Height);
    }
}
