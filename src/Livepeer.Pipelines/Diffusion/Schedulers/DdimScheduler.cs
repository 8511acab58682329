namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// DDIM with η = 0 (diffusers' DDIMScheduler): latents x = √ᾱ·x₀ + √(1−ᾱ)·ε, no input scaling, and each step
/// re-forms the latents at the next timestep from the predicted x₀ and ε: x ← √ᾱ_next·x₀ + √(1−ᾱ_next)·ε.
/// </summary>
internal sealed class DdimScheduler : DiffusionScheduler
{
    private DdimScheduler(Tables tables)
        : base(tables)
    {
    }

    /// <inheritdoc />
    public override SchedulerKind Kind => SchedulerKind.Ddim;

    /// <summary>Works out the tables for <paramref name="count"/> steps.</summary>
    public static DdimScheduler Create(SchedulerOptions options, ReadOnlySpan<double> alphasCumprod, int count)
    {
        var timesteps = TimestepSchedule.Spaced(options.Spacing, options.TrainSteps, count, options.StepsOffset);
        // After the last step: a clean sample (ᾱ = 1) or the first training timestep's ᾱ (set_alpha_to_one).
        var finalAlpha = options.SetAlphaToOne ? 1.0 : alphasCumprod[0];
        var steps = new StepCoefficients[count];
        var noisingSignal = new float[count];
        var noisingNoise = new float[count];
        for (var i = 0; i < count; i++)
        {
            var alpha = alphasCumprod[timesteps[i]];
            // The next timestep the UNet will see. (diffusers steps to t − ⌊T/N⌋ instead, the same except for
            // linspace, where it leaves the latents at a noise level the next step does not assume.)
            var next = i + 1 < count ? alphasCumprod[timesteps[i + 1]] : finalAlpha;
            var denoising = Denoising.AtAlpha(alpha, options.Prediction);
            var signal = Math.Sqrt(next);
            var noise = Math.Sqrt(1 - next);
            steps[i] = StepCoefficients.FromDouble(
                signal * denoising.X0Sample + noise * denoising.NoiseSample,
                signal * denoising.X0Model + noise * denoising.NoiseModel,
                0);
            noisingSignal[i] = (float)Math.Sqrt(alpha);
            noisingNoise[i] = (float)Math.Sqrt(1 - alpha);
        }

        return new DdimScheduler(new Tables(timesteps, 1, Ones(count), steps, noisingSignal, noisingNoise));
    }
}
