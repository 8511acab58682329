namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// A model's noise schedule and sampler settings, as in its diffusers <c>scheduler_config.json</c>. The betas are always
/// "scaled_linear" (β_i = linspace(√BetaStart, √BetaEnd, T)_i²), the schedule of every SD, SDXL and Turbo model.
/// </summary>
internal sealed record SchedulerOptions
{
    /// <summary>Largest <see cref="TrainSteps"/> accepted; the tables are this long.</summary>
    public const int MaxTrainSteps = 100_000;

    /// <summary>Training timesteps T (<c>num_train_timesteps</c>); default 1000.</summary>
    public int TrainSteps { get; init; } = 1000;

    /// <summary>β at t = 0 (<c>beta_start</c>); default 0.00085.</summary>
    public double BetaStart { get; init; } = 0.00085;

    /// <summary>β at t = T−1 (<c>beta_end</c>); default 0.012.</summary>
    public double BetaEnd { get; init; } = 0.012;

    /// <summary>How inference timesteps are picked (<c>timestep_spacing</c>); default linspace. LCM ignores it.</summary>
    public TimestepSpacing Spacing { get; init; } = TimestepSpacing.Linspace;

    /// <summary>Added to every timestep with <see cref="TimestepSpacing.Leading"/> (<c>steps_offset</c>, 0 or 1); default 0.</summary>
    public int StepsOffset { get; init; }

    /// <summary>What the UNet predicts (<c>prediction_type</c>); default ε.</summary>
    public PredictionType Prediction { get; init; } = PredictionType.Epsilon;

    /// <summary>Euler and Euler ancestral: Karras σ spacing (ρ = 7) between the spaced σ_max and σ_min; default off.</summary>
    public bool UseKarrasSigmas { get; init; }

    /// <summary>DDIM: the step after the last one has ᾱ = 1 (true) or ᾱ_0 (false) (<c>set_alpha_to_one</c>); default true.</summary>
    public bool SetAlphaToOne { get; init; } = true;

    /// <summary>LCM: length of the distillation schedule the N timesteps are drawn from (<c>original_inference_steps</c>); default 50.</summary>
    public int OriginalInferenceSteps { get; init; } = 50;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that cannot describe a schedule.</summary>
    public void Validate()
    {
        if (TrainSteps is < 2 or > MaxTrainSteps)
            throw new ArgumentOutOfRangeException(nameof(TrainSteps), TrainSteps, $"TrainSteps must be between 2 and {MaxTrainSteps}.");
        if (!double.IsFinite(BetaStart) || BetaStart <= 0 || BetaStart >= 1)
            throw new ArgumentOutOfRangeException(nameof(BetaStart), BetaStart, "BetaStart must be in (0, 1).");
        if (!double.IsFinite(BetaEnd) || BetaEnd < BetaStart || BetaEnd >= 1)
            throw new ArgumentOutOfRangeException(nameof(BetaEnd), BetaEnd, "BetaEnd must be in [BetaStart, 1).");
        if (!Enum.IsDefined(Spacing))
            throw new ArgumentOutOfRangeException(nameof(Spacing), Spacing, "Spacing is not a known timestep spacing.");
        if (StepsOffset is not (0 or 1))
            throw new ArgumentOutOfRangeException(nameof(StepsOffset), StepsOffset, "StepsOffset must be 0 or 1.");
        if (!Enum.IsDefined(Prediction))
            throw new ArgumentOutOfRangeException(nameof(Prediction), Prediction, "Prediction is not a known prediction type.");
        if (OriginalInferenceSteps < 1 || OriginalInferenceSteps > TrainSteps)
            throw new ArgumentOutOfRangeException(nameof(OriginalInferenceSteps), OriginalInferenceSteps, $"OriginalInferenceSteps must be between 1 and TrainSteps ({TrainSteps}).");
    }
}
