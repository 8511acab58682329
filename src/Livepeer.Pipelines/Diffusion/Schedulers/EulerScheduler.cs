namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Euler steps in σ space (diffusers' EulerDiscreteScheduler) and its ancestral variant (EulerAncestralDiscreteScheduler).
/// The latents are kept unscaled, x = x₀ + σ·ε, and the UNet sees x/√(σ²+1). With σ_N = 0 appended, the step is
/// x ← x + (σ_to − σ)·(x − x₀)/σ, where σ_to is σ_next, or σ_down for ancestral sampling, which then adds σ_up·z.
/// </summary>
internal sealed class EulerScheduler : DiffusionScheduler
{
    private EulerScheduler(Tables tables, bool ancestral)
        : base(tables) => Kind = ancestral ? SchedulerKind.EulerAncestral : SchedulerKind.Euler;

    /// <inheritdoc />
    public override SchedulerKind Kind { get; }

    /// <summary>The σ of each step followed by the final 0 (N + 1 values).</summary>
    public static double[] Sigmas(SchedulerOptions options, ReadOnlySpan<double> alphasCumprod, int count, out int[] timesteps)
    {
        timesteps = TimestepSchedule.Spaced(options.Spacing, options.TrainSteps, count, options.StepsOffset);
        var sigmas = new double[count + 1];
        for (var i = 0; i < count; i++)
            sigmas[i] = NoiseSchedule.Sigma(alphasCumprod[timesteps[i]]);

        if (options.UseKarrasSigmas)
        {
            // Karras spacing between the spaced schedule's ends; the UNet is told the (rounded) timestep of each σ.
            var karras = TimestepSchedule.Karras(sigmas[0], sigmas[count - 1], count);
            var logSigmas = new double[alphasCumprod.Length];
            for (var t = 0; t < logSigmas.Length; t++)
                logSigmas[t] = Math.Log(NoiseSchedule.Sigma(alphasCumprod[t]));
            for (var i = 0; i < count; i++)
            {
                sigmas[i] = karras[i];
                timesteps[i] = (int)Math.Round(NoiseSchedule.SigmaToTimestep(karras[i], logSigmas), MidpointRounding.ToEven);
            }
        }

        return sigmas;
    }

    /// <summary>Works out the tables for <paramref name="count"/> steps.</summary>
    public static EulerScheduler Create(SchedulerOptions options, ReadOnlySpan<double> alphasCumprod, int count, bool ancestral)
    {
        var sigmas = Sigmas(options, alphasCumprod, count, out var timesteps);
        var inputScales = new float[count];
        var steps = new StepCoefficients[count];
        var noisingSignal = new float[count];
        var noisingNoise = new float[count];
        for (var i = 0; i < count; i++)
        {
            var sigma = sigmas[i];
            var next = sigmas[i + 1];
            inputScales[i] = (float)(1 / Math.Sqrt(sigma * sigma + 1));
            noisingSignal[i] = 1;
            noisingNoise[i] = (float)sigma;

            double to = next, up = 0;
            if (ancestral)
            {
                // Split the move to σ_next into a deterministic part to σ_down and fresh noise of σ_up, with
                // σ_down² + σ_up² = σ_next² so the marginal noise level still lands on σ_next.
                up = Math.Sqrt(next * next * (sigma * sigma - next * next) / (sigma * sigma));
                to = Math.Sqrt(next * next - up * up);
            }

            // x − x₀ = (1 − X0Sample)·x − X0Model·m, so x + (to − σ)/σ·(x − x₀) is linear in x and m.
            var denoising = Denoising.AtSigma(sigma, options.Prediction);
            var ratio = (to - sigma) / sigma;
            steps[i] = StepCoefficients.FromDouble(1 + ratio * (1 - denoising.X0Sample), -ratio * denoising.X0Model, up);
        }

        // diffusers' convention: linspace and trailing start from σ_max·N(0, 1); leading keeps the original
        // √(σ_max² + 1), the spread of x₀ + σ_max·ε for unit-variance x₀.
        var maxSigma = sigmas[0];
        var initNoiseSigma = options.Spacing == TimestepSpacing.Leading ? Math.Sqrt(maxSigma * maxSigma + 1) : maxSigma;
        return new EulerScheduler(
            new Tables(timesteps, (float)initNoiseSigma, inputScales, steps, noisingSignal, noisingNoise), ancestral);
    }
}
