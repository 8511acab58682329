using System.Diagnostics;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// A sampler for N inference steps: which timesteps the UNet sees, how latents are scaled for it, and how its output
/// moves the latents on. Every step is x ← a·x + b·m (+ c·z), so each scheduler works its coefficients out in double
/// once, when created, and a step is one vectorised pass over the latents that allocates nothing. Immutable once
/// created, so one instance can serve concurrent jobs (each with its own latents and <see cref="GaussianNoise"/>).
/// </summary>
internal abstract class DiffusionScheduler
{
    private readonly int[] timesteps;
    private readonly float[] inputScales;
    private readonly StepCoefficients[] steps;
    private readonly float[] noisingSignal;
    private readonly float[] noisingNoise;

    /// <summary>Takes the per-step tables a derived scheduler has worked out; each array has one entry per step.</summary>
    private protected DiffusionScheduler(Tables tables)
    {
        var count = tables.Timesteps.Length;
        Debug.Assert(count > 0 && tables.InputScales.Length == count && tables.Steps.Length == count
            && tables.NoisingSignal.Length == count && tables.NoisingNoise.Length == count, "One table entry per step.");

        timesteps = tables.Timesteps;
        inputScales = tables.InputScales;
        steps = tables.Steps;
        noisingSignal = tables.NoisingSignal;
        noisingNoise = tables.NoisingNoise;
        InitNoiseSigma = tables.InitNoiseSigma;
        Timesteps = Array.AsReadOnly(timesteps);
    }

    /// <summary>The sampling algorithm.</summary>
    public abstract SchedulerKind Kind { get; }

    /// <summary>The timestep the UNet receives at each step, in order (noisiest first).</summary>
    public IReadOnlyList<int> Timesteps { get; }

    /// <summary>The number of inference steps N.</summary>
    public int StepCount => timesteps.Length;

    /// <summary>The scale of the initial latents: they are N(0, 1)·this for text-to-image.</summary>
    public float InitNoiseSigma { get; }

    /// <summary>
    /// Creates a scheduler for <paramref name="inferenceSteps"/> steps. Throws <see cref="ArgumentOutOfRangeException"/>
    /// for a step count outside 1 … <see cref="SchedulerOptions.TrainSteps"/> (LCM: 1 …
    /// <see cref="SchedulerOptions.OriginalInferenceSteps"/>) and for options that describe no schedule.
    /// </summary>
    public static DiffusionScheduler Create(SchedulerKind kind, SchedulerOptions options, int inferenceSteps)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown scheduler kind.");
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (inferenceSteps < 1 || inferenceSteps > options.TrainSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(inferenceSteps), inferenceSteps,
                $"The number of inference steps must be between 1 and the {options.TrainSteps} training steps.");
        }

        if (kind != SchedulerKind.Lcm && options.Spacing == TimestepSpacing.Leading
            && (inferenceSteps - 1) * (options.TrainSteps / inferenceSteps) + options.StepsOffset >= options.TrainSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(inferenceSteps), inferenceSteps,
                $"Leading spacing with StepsOffset {options.StepsOffset} and {inferenceSteps} steps would pass the last "
                + $"training timestep {options.TrainSteps - 1}; use fewer steps or StepsOffset 0.");
        }

        if (kind == SchedulerKind.Lcm && inferenceSteps > options.OriginalInferenceSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(inferenceSteps), inferenceSteps,
                $"LCM takes at most OriginalInferenceSteps ({options.OriginalInferenceSteps}) inference steps.");
        }

        var alphasCumprod = NoiseSchedule.AlphasCumprod(options);
        if (!(alphasCumprod[^1] > 0) || !float.IsFinite((float)NoiseSchedule.Sigma(alphasCumprod[^1])))
        {
            throw new ArgumentException(
                $"Betas from {options.BetaStart} to {options.BetaEnd} over {options.TrainSteps} steps leave no signal "
                + $"at the last timestep (ᾱ = {alphasCumprod[^1]}), so its σ does not fit in float.", nameof(options));
        }

        return kind switch
        {
            SchedulerKind.Euler => EulerScheduler.Create(options, alphasCumprod, inferenceSteps, ancestral: false),
            SchedulerKind.EulerAncestral => EulerScheduler.Create(options, alphasCumprod, inferenceSteps, ancestral: true),
            SchedulerKind.Ddim => DdimScheduler.Create(options, alphasCumprod, inferenceSteps),
            SchedulerKind.Lcm => LcmScheduler.Create(options, alphasCumprod, inferenceSteps),
            _ => throw new UnreachableException(),
        };
    }

    /// <summary>What to multiply the latents by before giving them to the UNet at <paramref name="stepIndex"/>.</summary>
    public float ModelInputScale(int stepIndex)
    {
        CheckStepIndex(stepIndex);
        return inputScales[stepIndex];
    }

    /// <summary>
    /// Moves <paramref name="latents"/> (unscaled, as this scheduler keeps them) from step <paramref name="stepIndex"/>
    /// to the next, in place, given the UNet's (guided) output for that step. Euler ancestral and LCM draw fresh noise
    /// from <paramref name="noise"/>, one number per element in order; the others leave it untouched.
    /// </summary>
    public void Step(Span<float> latents, ReadOnlySpan<float> modelOutput, int stepIndex, GaussianNoise noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        CheckStepIndex(stepIndex);
        if (modelOutput.Length != latents.Length)
        {
            throw new ArgumentException(
                $"The model output has {modelOutput.Length} elements; the latents have {latents.Length}.", nameof(modelOutput));
        }

        var step = steps[stepIndex];
        if (step.Noise == 0)
            LatentKernels.Blend(latents, modelOutput, step.Sample, step.Model);
        else
            LatentKernels.Blend(latents, modelOutput, step.Sample, step.Model, step.Noise, noise);
    }

    /// <summary>
    /// Image-to-image: the step to start from for <paramref name="strength"/> in (0, 1], N − ⌊N·strength⌋ (1 starts
    /// from pure noise at step 0). Clamped to N − 1 so that at least one step runs, however low the strength.
    /// </summary>
    public int StartIndexForStrength(double strength)
    {
        if (!(strength > 0 && strength <= 1))
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "The strength must be in (0, 1].");

        var count = timesteps.Length;
        return Math.Min(count - (int)Math.Floor(count * strength), count - 1);
    }

    /// <summary>
    /// Image-to-image: noises <paramref name="cleanLatents"/> in place to the level the UNet expects at
    /// <paramref name="stepIndex"/> (Euler: x₀ + σ·n; DDIM and LCM: √ᾱ·x₀ + √(1−ᾱ)·n), with <paramref name="noise"/> standard normal.
    /// </summary>
    public void AddNoise(Span<float> cleanLatents, ReadOnlySpan<float> noise, int stepIndex)
    {
        CheckStepIndex(stepIndex);
        if (noise.Length != cleanLatents.Length)
        {
            throw new ArgumentException(
                $"The noise has {noise.Length} elements; the latents have {cleanLatents.Length}.", nameof(noise));
        }

        LatentKernels.Blend(cleanLatents, noise, noisingSignal[stepIndex], noisingNoise[stepIndex]);
    }

    /// <summary>A fresh array of <paramref name="count"/> ones: DDIM and LCM give the UNet the latents as they are.</summary>
    private protected static float[] Ones(int count)
    {
        var ones = new float[count];
        Array.Fill(ones, 1f);
        return ones;
    }

    private void CheckStepIndex(int stepIndex)
    {
        if ((uint)stepIndex >= (uint)timesteps.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stepIndex), stepIndex,
                $"The step index must be between 0 and {timesteps.Length - 1}.");
        }
    }

    /// <summary>Per-step tables, one entry per inference step.</summary>
    /// <param name="Timesteps">What the UNet receives.</param>
    /// <param name="InitNoiseSigma">The scale of text-to-image's initial noise.</param>
    /// <param name="InputScales">Latents → UNet input.</param>
    /// <param name="Steps">The update of each step.</param>
    /// <param name="NoisingSignal">Image-to-image: the clean latents' weight when noised to each step.</param>
    /// <param name="NoisingNoise">Image-to-image: the noise's weight when noised to each step.</param>
    private protected readonly record struct Tables(
        int[] Timesteps,
        float InitNoiseSigma,
        float[] InputScales,
        StepCoefficients[] Steps,
        float[] NoisingSignal,
        float[] NoisingNoise);
}
