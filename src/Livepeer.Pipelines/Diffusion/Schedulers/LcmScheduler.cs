namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Latent consistency sampling (diffusers' LCMScheduler): each step predicts x₀ as DDIM does, applies the consistency
/// model's boundary condition, denoised = c_skip·x + c_out·x₀, and, except after the last step, re-noises the result
/// to the next timestep with fresh noise: x ← √ᾱ_next·denoised + √(1−ᾱ_next)·z. The last step returns denoised.
/// </summary>
internal sealed class LcmScheduler : DiffusionScheduler
{
    /// <summary>σ_data of the consistency parametrisation.</summary>
    public const double SigmaData = 0.5;

    /// <summary>The boundary condition sees the timestep multiplied by this (<c>timestep_scaling</c>).</summary>
    public const double TimestepScaling = 10.0;

    private LcmScheduler(Tables tables)
        : base(tables)
    {
    }

    /// <inheritdoc />
    public override SchedulerKind Kind => SchedulerKind.Lcm;

    /// <summary>c_skip and c_out at <paramref name="timestep"/>: c_skip → 1, c_out → 0 as t → 0, so x₀ at t = 0 is x.</summary>
    public static (double Skip, double Out) BoundaryScalings(int timestep)
    {
        var scaled = timestep * TimestepScaling;
        var denominator = scaled * scaled + SigmaData * SigmaData;
        return (SigmaData * SigmaData / denominator, scaled / Math.Sqrt(denominator));
    }

    /// <summary>Works out the tables for <paramref name="count"/> steps.</summary>
    public static LcmScheduler Create(SchedulerOptions options, ReadOnlySpan<double> alphasCumprod, int count)
    {
        var timesteps = TimestepSchedule.Lcm(options.TrainSteps, options.OriginalInferenceSteps, count);
        var steps = new StepCoefficients[count];
        var noisingSignal = new float[count];
        var noisingNoise = new float[count];
        for (var i = 0; i < count; i++)
        {
            var alpha = alphasCumprod[timesteps[i]];
            var denoising = Denoising.AtAlpha(alpha, options.Prediction);
            var (skip, output) = BoundaryScalings(timesteps[i]);
            var sample = skip + output * denoising.X0Sample;
            var model = output * denoising.X0Model;
            if (i + 1 < count)
            {
                var next = alphasCumprod[timesteps[i + 1]];
                var signal = Math.Sqrt(next);
                steps[i] = StepCoefficients.FromDouble(signal * sample, signal * model, Math.Sqrt(1 - next));
            }
            else
            {
                steps[i] = StepCoefficients.FromDouble(sample, model, 0);
            }

            noisingSignal[i] = (float)Math.Sqrt(alpha);
            noisingNoise[i] = (float)Math.Sqrt(1 - alpha);
        }

        return new LcmScheduler(new Tables(timesteps, 1, Ones(count), steps, noisingSignal, noisingNoise));
    }
}
