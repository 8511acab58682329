namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The Euler sampler as Stable Video Diffusion runs it (diffusers' EulerDiscreteScheduler with Karras sigmas between the
/// config's σ_min and σ_max, "continuous" timesteps and v-prediction, i.e. the EDM set-up): σ_i follows the Karras ramp
/// from σ_max down to σ_min and then 0, the UNet is told the continuous time c_noise = ¼·ln σ and sees x/√(σ²+1), and
/// each step is x ← x + (σ_next − σ)·(x − x₀)/σ with x₀ = x/(σ²+1) − v·σ/√(σ²+1). The initial latents are
/// N(0, 1)·√(σ_max² + 1) (the config's "leading" spacing). Immutable; one instance may serve concurrent jobs.
/// </summary>
internal sealed class EdmEulerScheduler
{
    private readonly float[] timesteps;
    private readonly float[] inputScales;
    private readonly StepCoefficients[] steps;

    private EdmEulerScheduler(float[] timesteps, float[] inputScales, StepCoefficients[] steps, float initNoiseSigma)
    {
        this.timesteps = timesteps;
        this.inputScales = inputScales;
        this.steps = steps;
        InitNoiseSigma = initNoiseSigma;
    }

    /// <summary>The number of inference steps.</summary>
    public int StepCount => steps.Length;

    /// <summary>The scale of the initial latents.</summary>
    public float InitNoiseSigma { get; }

    /// <summary>Works out <paramref name="count"/> steps from σ_max to σ_min (SVD's config: 700 and 0.002).</summary>
    public static EdmEulerScheduler Create(int count, double sigmaMin, double sigmaMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(sigmaMin > 0 && sigmaMax > sigmaMin && double.IsFinite(sigmaMax)))
            throw new ArgumentOutOfRangeException(nameof(sigmaMax), sigmaMax, $"σ_max must be finite and above σ_min ({sigmaMin}), which must be positive.");

        var sigmas = TimestepSchedule.Karras(sigmaMax, sigmaMin, count);
        var timesteps = new float[count];
        var inputScales = new float[count];
        var steps = new StepCoefficients[count];
        for (var i = 0; i < count; i++)
        {
            var sigma = sigmas[i];
            var next = i + 1 < count ? sigmas[i + 1] : 0;
            timesteps[i] = (float)(0.25 * Math.Log(sigma));
            inputScales[i] = (float)(1 / Math.Sqrt(sigma * sigma + 1));
            var denoising = Denoising.AtSigma(sigma, PredictionType.VPrediction);
            var ratio = (next - sigma) / sigma;
            steps[i] = StepCoefficients.FromDouble(1 + ratio * (1 - denoising.X0Sample), -ratio * denoising.X0Model, 0);
        }

        return new EdmEulerScheduler(timesteps, inputScales, steps, (float)Math.Sqrt(sigmaMax * sigmaMax + 1));
    }

    /// <summary>The continuous time the UNet is given at <paramref name="stepIndex"/>: ¼·ln σ.</summary>
    public float Timestep(int stepIndex) => timesteps[stepIndex];

    /// <summary>What the latents are multiplied by before the UNet sees them at <paramref name="stepIndex"/>.</summary>
    public float ModelInputScale(int stepIndex) => inputScales[stepIndex];

    /// <summary>Moves <paramref name="latents"/> to the next σ in place, given the (guided) v-prediction.</summary>
    public void Step(Span<float> latents, ReadOnlySpan<float> velocity, int stepIndex)
    {
        var step = steps[stepIndex];
        LatentKernels.Blend(latents, velocity, step.Sample, step.Model);
    }
}
