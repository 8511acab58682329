using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

/// <summary>
/// End to end: a UNet that knows the clean latents x₀ answers with the exact noise (or velocity) in its input, so
/// every scheduler must land on x₀. The oracle reads the noise level from the timestep it is given and this test's
/// own schedule (for Karras σ, which fall between timesteps, from the input scale), so a scheduler whose latents drift
/// from the level it announces fails here.
/// </summary>
public sealed class PerfectOracleTests
{
    private const int Length = 4 * 8 * 8 + 3;

    public static TheoryData<string, string, string, bool, int> Cases()
    {
        var data = new TheoryData<string, string, string, bool, int>();
        foreach (var kind in Enum.GetValues<SchedulerKind>())
        {
            foreach (var spacing in Enum.GetValues<TimestepSpacing>())
            {
                foreach (var prediction in Enum.GetValues<PredictionType>())
                {
                    foreach (var steps in new[] { 1, 2, 4, 25 })
                        data.Add($"{kind}", $"{spacing}", $"{prediction}", false, steps);
                    if (kind is SchedulerKind.Euler or SchedulerKind.EulerAncestral)
                        data.Add($"{kind}", $"{spacing}", $"{prediction}", true, 6);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_PerfectOracle_RecoversCleanLatents(string kind, string spacing, string prediction, bool karras, int steps)
    {
        var options = new SchedulerOptions
        {
            Spacing = Enum.Parse<TimestepSpacing>(spacing),
            StepsOffset = 1,
            Prediction = Enum.Parse<PredictionType>(prediction),
            UseKarrasSigmas = karras,
        };
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), options, steps);
        var clean = Vectors.Draws(100, Length);
        var latents = (float[])clean.Clone();
        scheduler.AddNoise(latents, Vectors.Draws(200, Length), 0);

        Run(scheduler, latents, clean, 0, karras, options.Prediction == PredictionType.VPrediction);

        Vectors.AssertClose(i => clean[i], latents, 2e-4);
    }

    [Theory]
    [InlineData(nameof(SchedulerKind.Euler), 0.5)]
    [InlineData(nameof(SchedulerKind.EulerAncestral), 0.6)]
    [InlineData(nameof(SchedulerKind.Ddim), 0.3)]
    [InlineData(nameof(SchedulerKind.Lcm), 0.75)]
    public void SampleFromStrength_PerfectOracle_RecoversCleanLatents(string kind, double strength)
    {
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), new SchedulerOptions { Spacing = TimestepSpacing.Trailing }, 8);
        var clean = Vectors.Draws(300, Length);
        var latents = (float[])clean.Clone();
        var start = scheduler.StartIndexForStrength(strength);
        scheduler.AddNoise(latents, Vectors.Draws(400, Length), start);

        Run(scheduler, latents, clean, start, karras: false, velocity: false);

        Assert.True(start > 0);
        Vectors.AssertClose(i => clean[i], latents, 2e-4);
    }

    private static void Run(DiffusionScheduler scheduler, float[] latents, float[] clean, int start, bool karras, bool velocity)
    {
        var noise = new GaussianNoise(500);
        var output = new float[latents.Length];
        var euler = scheduler.Kind is SchedulerKind.Euler or SchedulerKind.EulerAncestral;
        for (var step = start; step < scheduler.StepCount; step++)
        {
            var scale = scheduler.ModelInputScale(step);
            var t = scheduler.Timesteps[step];
            // ᾱ of the UNet's input, which is √ᾱ·x₀ + √(1−ᾱ)·ε for every scheduler once scaled.
            double alpha;
            if (euler)
            {
                var sigma = karras ? Math.Sqrt(1 / ((double)scale * scale) - 1) : ReferenceSchedule.Sigma(t);
                if (!karras)
                    Assert.Equal(1 / Math.Sqrt(sigma * sigma + 1), scale, 1e-6);
                alpha = 1 / (sigma * sigma + 1);
            }
            else
            {
                Assert.Equal(1f, scale);
                alpha = ReferenceSchedule.Alpha(t);
            }

            for (var i = 0; i < latents.Length; i++)
            {
                var input = latents[i] * (double)scale;
                var epsilon = (input - Math.Sqrt(alpha) * clean[i]) / Math.Sqrt(1 - alpha);
                output[i] = (float)(velocity ? Math.Sqrt(alpha) * epsilon - Math.Sqrt(1 - alpha) * clean[i] : epsilon);
            }

            scheduler.Step(latents, output, step, noise);
        }
    }
}
