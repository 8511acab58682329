using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

/// <summary>The strength rule of B.5 and noising clean latents to a step's level.</summary>
public sealed class ImageToImageTests
{
    private static readonly SchedulerOptions Trailing = new() { Spacing = TimestepSpacing.Trailing };

    [Theory]
    [InlineData(4, 1.0, 0)]
    [InlineData(4, 0.75, 1)]
    [InlineData(4, 0.5, 2)]
    [InlineData(4, 0.3, 3)]
    [InlineData(4, 0.25, 3)]
    [InlineData(2, 0.5, 1)]
    [InlineData(10, 0.7, 3)]
    [InlineData(50, 0.8, 10)]
    [InlineData(1, 1.0, 0)]
    public void StartIndexForStrength_IsStepsMinusFloorOfStepsTimesStrength(int steps, double strength, int expected)
    {
        foreach (var kind in Enum.GetValues<SchedulerKind>())
            Assert.Equal(expected, DiffusionScheduler.Create(kind, Trailing, steps).StartIndexForStrength(strength));
    }

    [Theory]
    [InlineData(4, 0.1)]
    [InlineData(4, 1e-9)]
    [InlineData(1, 0.5)]
    public void StartIndexForStrength_TooLowForOneStep_ClampsToLastStep(int steps, double strength)
    {
        // N − ⌊N·strength⌋ would be N (no steps at all); one step still runs.
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, Trailing, steps);

        Assert.Equal(steps - 1, scheduler.StartIndexForStrength(strength));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void StartIndexForStrength_OutsideZeroToOne_Throws(double strength)
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, Trailing, 4);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.StartIndexForStrength(strength));
        Assert.Equal("strength", error.ParamName);
        Assert.Contains("(0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SchedulerKind.Euler))]
    [InlineData(nameof(SchedulerKind.EulerAncestral))]
    public void AddNoise_Euler_AddsSigmaTimesNoise(string kind)
    {
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), Trailing, 4);
        var clean = Vectors.Latents();
        var noise = Vectors.ModelOutput();
        var latents = Vectors.Latents();

        scheduler.AddNoise(latents, noise, 2);

        var sigma = ReferenceSchedule.Sigma(499);
        Vectors.AssertClose(i => clean[i] + sigma * noise[i], latents);
    }

    [Theory]
    [InlineData(nameof(SchedulerKind.Ddim), 1, 749)]
    [InlineData(nameof(SchedulerKind.Lcm), 1, 759)]
    [InlineData(nameof(SchedulerKind.Lcm), 0, 999)]
    public void AddNoise_DdimAndLcm_MixesByAlphaCumprod(string kind, int stepIndex, int timestep)
    {
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), Trailing, 4);
        var clean = Vectors.Latents();
        var noise = Vectors.ModelOutput();
        var latents = Vectors.Latents();

        scheduler.AddNoise(latents, noise, stepIndex);

        var alpha = ReferenceSchedule.Alpha(timestep);
        Assert.Equal(timestep, scheduler.Timesteps[stepIndex]);
        Vectors.AssertClose(i => Math.Sqrt(alpha) * clean[i] + Math.Sqrt(1 - alpha) * noise[i], latents);
    }

    [Fact]
    public void AddNoise_MismatchedLengthsOrIndex_Throw()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Ddim, Trailing, 4);
        var latents = new float[8];

        Assert.Equal("noise", Assert.Throws<ArgumentException>(() => scheduler.AddNoise(latents, new float[7], 0)).ParamName);
        Assert.Equal("stepIndex", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.AddNoise(latents, new float[8], 4)).ParamName);
        Assert.Equal("stepIndex", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.AddNoise(latents, new float[8], -1)).ParamName);
    }
}
