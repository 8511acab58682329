using Livepeer.Pipelines.Diffusion;
using Livepeer.Pipelines.Video;

namespace Livepeer.Pipelines.Tests.Video;

/// <summary>The SVD sampler: Karras σ from 700 to 0.002, continuous timesteps ¼·ln σ, v-prediction Euler steps.</summary>
public sealed class EdmEulerSchedulerTests
{
    [Fact]
    public void Create_SvdConfig_TimestepsAndScalesFromTheKarrasSigmas()
    {
        var scheduler = EdmEulerScheduler.Create(25, 0.002, 700);

        Assert.Equal(25, scheduler.StepCount);
        Assert.Equal(0.25 * Math.Log(700), scheduler.Timestep(0), 5);
        Assert.Equal(0.25 * Math.Log(0.002), scheduler.Timestep(24), 5);
        Assert.Equal(Math.Sqrt(700 * 700 + 1), scheduler.InitNoiseSigma, 2);
        Assert.Equal(1 / Math.Sqrt(700 * 700 + 1), scheduler.ModelInputScale(0), 8);
        var karras = TimestepSchedule.Karras(700, 0.002, 25);
        for (var i = 0; i < 25; i++)
            Assert.Equal(karras[i], Math.Exp(4 * scheduler.Timestep(i)), karras[i] * 1e-5);
    }

    [Fact]
    public void Step_ModelThatPredictsTheTrueVelocity_EndsOnTheCleanLatents()
    {
        var scheduler = EdmEulerScheduler.Create(10, 0.002, 700);
        var clean = Enumerable.Range(0, 64).Select(i => MathF.Sin(i * 0.37f)).ToArray();
        var latents = Enumerable.Range(0, 64).Select(i => MathF.Cos(i * 1.3f) * scheduler.InitNoiseSigma).ToArray();
        var velocity = new float[latents.Length];

        for (var step = 0; step < scheduler.StepCount; step++)
        {
            // v such that x₀ = x/(σ²+1) − v·σ/√(σ²+1) is exactly the clean sample.
            var sigma = Math.Exp(4 * (double)scheduler.Timestep(step));
            for (var i = 0; i < latents.Length; i++)
                velocity[i] = (float)((latents[i] / (sigma * sigma + 1) - clean[i]) * Math.Sqrt(sigma * sigma + 1) / sigma);
            scheduler.Step(latents, velocity, step);
        }

        for (var i = 0; i < clean.Length; i++)
            Assert.Equal(clean[i], latents[i], 0.01f);
    }

    [Theory]
    [InlineData(0, 0.002, 700)]
    [InlineData(25, 0, 700)]
    [InlineData(25, 700, 700)]
    [InlineData(25, 0.002, double.PositiveInfinity)]
    public void Create_NoSchedule_Throws(int count, double sigmaMin, double sigmaMax) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => EdmEulerScheduler.Create(count, sigmaMin, sigmaMax));

    [Theory]
    [InlineData(14, 0, 1.0)]
    [InlineData(14, 13, 3.0)]
    [InlineData(25, 12, 2.0)]
    [InlineData(1, 0, 1.0)]
    public void GuidanceOf_LinearRampFromMinToMaxOverTheFrames(int frames, int frame, double expected)
    {
        var settings = VideoDiffusionSettings.From(
            new ModelManifest { Id = "x", Family = ModelFamilies.StableVideoDiffusion, Pipelines = [PipelineNames.ImageToVideo], MemoryBytes = 1, Files = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty },
            frames);

        Assert.Equal(expected, settings.GuidanceOf(frame), 5);
        Assert.True(settings.Guided);
    }
}
