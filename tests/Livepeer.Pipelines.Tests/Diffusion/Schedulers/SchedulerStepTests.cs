using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

/// <summary>Each step formula of B.6 against a hand computation in double on a small vector.</summary>
public sealed class SchedulerStepTests
{
    private static readonly SchedulerOptions Trailing = new() { Spacing = TimestepSpacing.Trailing };
    private static readonly SchedulerOptions TrailingV = Trailing with { Prediction = PredictionType.VPrediction };

    private readonly float[] x = Vectors.Latents();
    private readonly float[] m = Vectors.ModelOutput();

    [Fact]
    public void Step_EulerEpsilon_MovesAlongNoiseBySigmaDifference()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, Trailing, 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 0, new GaussianNoise(1));

        // x₀ = x − σ·ε, d = ε, x ← x + (σ_749 − σ_999)·ε.
        var (sigma, next) = (ReferenceSchedule.Sigma(999), ReferenceSchedule.Sigma(749));
        Vectors.AssertClose(i => x[i] + (next - sigma) * m[i], latents);
    }

    [Fact]
    public void Step_EulerVPrediction_UsesVelocityDenoiser()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, TrailingV, 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 1, new GaussianNoise(1));

        var (sigma, next) = (ReferenceSchedule.Sigma(749), ReferenceSchedule.Sigma(499));
        Vectors.AssertClose(
            i =>
            {
                var x0 = x[i] / (sigma * sigma + 1) - m[i] * sigma / Math.Sqrt(sigma * sigma + 1);
                return x[i] + (next - sigma) * (x[i] - x0) / sigma;
            },
            latents);
    }

    [Fact]
    public void Step_EulerLastStep_ReturnsPredictedCleanSample()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, Trailing, 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 3, new GaussianNoise(1));

        var sigma = ReferenceSchedule.Sigma(249);
        Vectors.AssertClose(i => x[i] - sigma * m[i], latents);
    }

    [Fact]
    public void Step_EulerAncestral_SplitsIntoSigmaDownAndFreshNoise()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.EulerAncestral, Trailing, 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 1, new GaussianNoise(9));

        var (sigma, next) = (ReferenceSchedule.Sigma(749), ReferenceSchedule.Sigma(499));
        var up = Math.Sqrt(next * next * (sigma * sigma - next * next) / (sigma * sigma));
        var down = Math.Sqrt(next * next - up * up);
        var z = Vectors.Draws(9, x.Length);
        Assert.True(up > 0.5 && down > 0.1, "both parts matter at this step");
        Vectors.AssertClose(i => x[i] + (down - sigma) * m[i] + up * z[i], latents);
    }

    [Fact]
    public void Step_EulerAncestralLastStep_ReturnsCleanSampleAndDrawsNoNoise()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.EulerAncestral, Trailing, 4);
        var latents = Vectors.Latents();
        var noise = new GaussianNoise(9);

        scheduler.Step(latents, m, 3, noise);

        var sigma = ReferenceSchedule.Sigma(249);
        Vectors.AssertClose(i => x[i] - sigma * m[i], latents);
        Assert.Equal(Vectors.Draws(9, 1)[0], noise.Next());
    }

    [Fact]
    public void Step_DdimEpsilon_ReformsLatentsAtNextTimestep()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Ddim, Trailing, 4);
        var latents = Vectors.Latents();
        var noise = new GaussianNoise(1);

        scheduler.Step(latents, m, 0, noise);

        var (alpha, next) = (ReferenceSchedule.Alpha(999), ReferenceSchedule.Alpha(749));
        Vectors.AssertClose(
            i =>
            {
                var x0 = (x[i] - Math.Sqrt(1 - alpha) * m[i]) / Math.Sqrt(alpha);
                return Math.Sqrt(next) * x0 + Math.Sqrt(1 - next) * m[i];
            },
            latents);
        Assert.Equal(Vectors.Draws(1, 1)[0], noise.Next());
    }

    [Fact]
    public void Step_DdimVPrediction_DerivesCleanSampleAndNoiseFromVelocity()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Ddim, TrailingV, 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 0, new GaussianNoise(1));

        var (alpha, next) = (ReferenceSchedule.Alpha(999), ReferenceSchedule.Alpha(749));
        Vectors.AssertClose(
            i =>
            {
                var x0 = Math.Sqrt(alpha) * x[i] - Math.Sqrt(1 - alpha) * m[i];
                var epsilon = Math.Sqrt(alpha) * m[i] + Math.Sqrt(1 - alpha) * x[i];
                return Math.Sqrt(next) * x0 + Math.Sqrt(1 - next) * epsilon;
            },
            latents);
    }

    [Fact]
    public void Step_DdimLastStepAlphaToOne_ReturnsPredictedCleanSample()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Ddim, Trailing, 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 3, new GaussianNoise(1));

        var alpha = ReferenceSchedule.Alpha(249);
        Vectors.AssertClose(i => (x[i] - Math.Sqrt(1 - alpha) * m[i]) / Math.Sqrt(alpha), latents);
    }

    [Fact]
    public void Step_DdimLastStepAlphaNotOne_EndsAtFirstTrainingTimestep()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Ddim, Trailing with { SetAlphaToOne = false }, 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 3, new GaussianNoise(1));

        var (alpha, final) = (ReferenceSchedule.Alpha(249), 1 - 0.00085);
        Vectors.AssertClose(
            i => Math.Sqrt(final) * (x[i] - Math.Sqrt(1 - alpha) * m[i]) / Math.Sqrt(alpha) + Math.Sqrt(1 - final) * m[i],
            latents);
    }

    [Fact]
    public void Step_DdimLinspace_StepsToTheNextListedTimestep()
    {
        // linspace N = 4 visits 999, 666, …: step 0 must leave the latents at t = 666's noise level, which the UNet
        // is told next (diffusers' t − ⌊T/N⌋ would aim at 749).
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Ddim, new SchedulerOptions(), 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 0, new GaussianNoise(1));

        var (alpha, next) = (ReferenceSchedule.Alpha(999), ReferenceSchedule.Alpha(666));
        Vectors.AssertClose(
            i => Math.Sqrt(next) * (x[i] - Math.Sqrt(1 - alpha) * m[i]) / Math.Sqrt(alpha) + Math.Sqrt(1 - next) * m[i],
            latents);
    }

    [Fact]
    public void BoundaryScalings_Lcm_MatchConsistencyParametrisation()
    {
        var (skip, output) = LcmScheduler.BoundaryScalings(999);
        Assert.Equal(0.25 / (9990.0 * 9990 + 0.25), skip, 1e-22);
        Assert.Equal(9990 / Math.Sqrt(9990.0 * 9990 + 0.25), output, 15);

        // At t = 0 the model is bypassed entirely: x₀ = x.
        Assert.Equal((1.0, 0.0), LcmScheduler.BoundaryScalings(0));

        // t = 1: t_s = 10, c_skip = 0.25/100.25, c_out = 10/√100.25.
        var (skip1, output1) = LcmScheduler.BoundaryScalings(1);
        Assert.Equal(0.25 / 100.25, skip1, 15);
        Assert.Equal(10 / Math.Sqrt(100.25), output1, 15);
    }

    [Fact]
    public void Step_LcmMiddle_DenoisesThenRenoisesWithFreshNoise()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Lcm, new SchedulerOptions(), 4);
        var latents = Vectors.Latents();

        scheduler.Step(latents, m, 1, new GaussianNoise(5));

        // Step 1 is t = 759, the next is 499.
        var (alpha, next) = (ReferenceSchedule.Alpha(759), ReferenceSchedule.Alpha(499));
        var (skip, output) = (0.25 / (7590.0 * 7590 + 0.25), 7590 / Math.Sqrt(7590.0 * 7590 + 0.25));
        var z = Vectors.Draws(5, x.Length);
        Vectors.AssertClose(
            i =>
            {
                var x0 = (x[i] - Math.Sqrt(1 - alpha) * m[i]) / Math.Sqrt(alpha);
                var denoised = skip * x[i] + output * x0;
                return Math.Sqrt(next) * denoised + Math.Sqrt(1 - next) * z[i];
            },
            latents);
    }

    [Fact]
    public void Step_LcmLastVPrediction_ReturnsDenoisedAndDrawsNoNoise()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Lcm, new SchedulerOptions { Prediction = PredictionType.VPrediction }, 4);
        var latents = Vectors.Latents();
        var noise = new GaussianNoise(5);

        scheduler.Step(latents, m, 3, noise);

        var alpha = ReferenceSchedule.Alpha(259);
        var (skip, output) = (0.25 / (2590.0 * 2590 + 0.25), 2590 / Math.Sqrt(2590.0 * 2590 + 0.25));
        Vectors.AssertClose(i => skip * x[i] + output * (Math.Sqrt(alpha) * x[i] - Math.Sqrt(1 - alpha) * m[i]), latents);
        Assert.Equal(Vectors.Draws(5, 1)[0], noise.Next());
    }

    [Theory]
    [InlineData(nameof(TimestepSpacing.Trailing))]
    [InlineData(nameof(TimestepSpacing.Linspace))]
    public void InitNoiseSigma_EulerTrailingOrLinspace_IsSigmaMax(string spacing)
    {
        foreach (var kind in new[] { SchedulerKind.Euler, SchedulerKind.EulerAncestral })
        {
            var scheduler = DiffusionScheduler.Create(kind, new SchedulerOptions { Spacing = Enum.Parse<TimestepSpacing>(spacing) }, 4);
            Assert.Equal(ReferenceSchedule.Sigma(999), scheduler.InitNoiseSigma, 2e-6);
            Assert.Equal(14.6146, scheduler.InitNoiseSigma, 1e-4);
        }
    }

    [Fact]
    public void InitNoiseSigma_EulerLeading_IncludesUnitSignalVariance()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, new SchedulerOptions { Spacing = TimestepSpacing.Leading, StepsOffset = 1 }, 4);

        var sigma = ReferenceSchedule.Sigma(751);
        Assert.Equal(Math.Sqrt(sigma * sigma + 1), scheduler.InitNoiseSigma, 1e-6);
    }

    [Theory]
    [InlineData(nameof(SchedulerKind.Ddim))]
    [InlineData(nameof(SchedulerKind.Lcm))]
    public void InitNoiseSigmaAndInputScale_DdimAndLcm_AreOne(string kind)
    {
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), Trailing, 4);

        Assert.Equal(1f, scheduler.InitNoiseSigma);
        for (var i = 0; i < 4; i++)
            Assert.Equal(1f, scheduler.ModelInputScale(i));
    }

    [Theory]
    [InlineData(nameof(SchedulerKind.Euler))]
    [InlineData(nameof(SchedulerKind.EulerAncestral))]
    public void ModelInputScale_Euler_IsOneOverRootSigmaSquaredPlusOne(string kind)
    {
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), Trailing, 4);

        for (var i = 0; i < 4; i++)
        {
            var sigma = ReferenceSchedule.Sigma(scheduler.Timesteps[i]);
            Assert.Equal(1 / Math.Sqrt(sigma * sigma + 1), scheduler.ModelInputScale(i), 1e-7);
        }
    }

    [Theory]
    [InlineData(nameof(SchedulerKind.Euler))]
    [InlineData(nameof(SchedulerKind.EulerAncestral))]
    [InlineData(nameof(SchedulerKind.Ddim))]
    [InlineData(nameof(SchedulerKind.Lcm))]
    public void Step_AfterWarmUp_AllocatesNothing(string kind)
    {
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), new SchedulerOptions { Spacing = TimestepSpacing.Trailing }, 4);
        var latents = Vectors.Draws(1, 4 * 64 * 64);
        var output = Vectors.Draws(2, latents.Length);
        var noise = new GaussianNoise(3);
        scheduler.Step(latents, output, 0, noise);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var step = 0; step < scheduler.StepCount; step++)
        {
            _ = scheduler.ModelInputScale(step);
            scheduler.Step(latents, output, step, noise);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
