using System.Collections.Immutable;
using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion.Pipeline;

/// <summary>The family defaults and the Livepeer runner's per-model overrides (livepeer-ai-api.md §3.1, §5.2).</summary>
public sealed class DiffusionSettingsTests
{
    [Theory]
    [InlineData("stabilityai/sd-turbo", 0.0, null)]
    [InlineData("stabilityai/sdxl-turbo", 0.0, null)]
    [InlineData("SG161222/RealVisXL_V4.0_Lightning", 0.0, null)]
    [InlineData("ByteDance/SDXL-Lightning", 0.0, 8)]
    [InlineData("ByteDance/SDXL-Lightning_4step", 0.0, 4)]
    [InlineData("ByteDance/SDXL-Lightning_2step", 0.0, 2)]
    [InlineData("runwayml/stable-diffusion-v1-5", null, null)]
    public void From_ModelId_AppliesTheRunnersOverrides(string modelId, double? guidance, int? steps)
    {
        var settings = DiffusionSettings.From(Manifest(modelId, ModelFamilies.StableDiffusionXl));

        Assert.Equal(guidance, settings.ForcedGuidanceScale);
        Assert.Equal(steps, settings.ForcedSteps);
    }

    [Fact]
    public void From_ManifestOverride_WinsOverTheModelIdRule()
    {
        var manifest = Manifest("stabilityai/sdxl-turbo", ModelFamilies.StableDiffusionXl) with
        {
            Defaults = ImmutableDictionary<string, string>.Empty.Add("force_guidance_scale", "1.5").Add("force_steps", "3"),
        };

        var settings = DiffusionSettings.From(manifest);

        Assert.Equal(1.5, settings.ForcedGuidanceScale);
        Assert.Equal(3, settings.ForcedSteps);
    }

    [Theory]
    [InlineData(ModelFamilies.StableDiffusion, 0.18215f)]
    [InlineData(ModelFamilies.StableDiffusionXl, 0.13025f)]
    public void From_Family_SetsTheVaeScalingFactorAndPads(string family, float factor)
    {
        var settings = DiffusionSettings.From(Manifest("acme/model", family));

        Assert.Equal(factor, settings.VaeScalingFactor);
        Assert.Equal("<|endoftext|>", settings.PadToken);
        Assert.Equal("!", settings.PadToken2);
        Assert.Equal(family == ModelFamilies.StableDiffusionXl, settings.Xl);
    }

    private static ModelManifest Manifest(string id, string family) => new()
    {
        Id = id,
        Family = family,
        MemoryBytes = 1,
        Files = ImmutableDictionary<string, string>.Empty.Add("unet", "unet/model.onnx"),
    };
}
