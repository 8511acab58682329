namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// A diffusion model's fixed behaviour, from its family and the manifest's <c>defaults</c> (all optional):
/// <c>scheduler</c> (euler, euler_a, lcm, ddim), <c>timestep_spacing</c> (linspace, leading, trailing),
/// <c>steps_offset</c>, <c>prediction_type</c> (epsilon, v_prediction), <c>beta_start</c>, <c>beta_end</c>,
/// <c>karras_sigmas</c>, <c>vae_scaling_factor</c>, <c>pad_token</c> and <c>pad_token_2</c>, and Livepeer's per-model
/// overrides: <c>force_guidance_scale</c> (Turbo and Lightning run without guidance) and <c>force_steps</c> (Lightning).
/// The request defaults <c>num_inference_steps</c>, <c>guidance_scale</c>, <c>width</c>, <c>height</c> and <c>strength</c>
/// apply when a request leaves them out.
/// </summary>
internal sealed record DiffusionSettings
{
    public const int MaxSteps = 200;

    public required bool Xl { get; init; }

    public required SchedulerKind Scheduler { get; init; }

    public required SchedulerOptions SchedulerOptions { get; init; }

    public required float VaeScalingFactor { get; init; }

    public required string PadToken { get; init; }

    public required string PadToken2 { get; init; }

    public double? ForcedGuidanceScale { get; init; }

    public int? ForcedSteps { get; init; }

    public required IReadOnlyDictionary<string, string> RequestDefaults { get; init; }

    public static DiffusionSettings From(ModelManifest manifest)
    {
        var xl = manifest.Family == ModelFamilies.StableDiffusionXl;
        var reader = new ManifestDefaults(manifest);
        var options = new SchedulerOptions
        {
            Spacing = reader.Enum("timestep_spacing", TimestepSpacing.Leading, ("linspace", TimestepSpacing.Linspace), ("leading", TimestepSpacing.Leading), ("trailing", TimestepSpacing.Trailing)),
            StepsOffset = reader.Int("steps_offset", 1, 0, 1),
            Prediction = reader.Enum("prediction_type", PredictionType.Epsilon, ("epsilon", PredictionType.Epsilon), ("v_prediction", PredictionType.VPrediction)),
            BetaStart = reader.Double("beta_start", 0.00085),
            BetaEnd = reader.Double("beta_end", 0.012),
            UseKarrasSigmas = reader.Bool("karras_sigmas", false),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidModelException($"Model '{manifest.Id}': scheduler defaults are invalid: {e.Message}", e);
        }

        return new DiffusionSettings
        {
            Xl = xl,
            Scheduler = reader.Enum("scheduler", SchedulerKind.Euler, ("euler", SchedulerKind.Euler), ("euler_a", SchedulerKind.EulerAncestral), ("lcm", SchedulerKind.Lcm), ("ddim", SchedulerKind.Ddim)),
            SchedulerOptions = options,
            VaeScalingFactor = (float)reader.Double("vae_scaling_factor", xl ? 0.13025 : 0.18215),
            PadToken = reader.String("pad_token", "<|endoftext|>"),
            PadToken2 = reader.String("pad_token_2", "!"),
            ForcedGuidanceScale = manifest.Defaults.ContainsKey("force_guidance_scale") ? reader.Double("force_guidance_scale", 0) : RunnerGuidanceOverride(manifest.Id),
            ForcedSteps = manifest.Defaults.ContainsKey("force_steps") ? reader.Int("force_steps", 1, 1, MaxSteps) : RunnerStepsOverride(manifest.Id),
            RequestDefaults = manifest.Defaults,
        };
    }

    /// <summary>
    /// The Livepeer runner's per-model rule when the manifest does not say: Turbo and Lightning models are distilled to
    /// run without classifier-free guidance, so their guidance scale is forced to 0.
    /// </summary>
    internal static double? RunnerGuidanceOverride(string modelId) =>
        modelId.Contains("turbo", StringComparison.OrdinalIgnoreCase) || modelId.Contains("lightning", StringComparison.OrdinalIgnoreCase) ? 0 : null;

    /// <summary>
    /// The runner's rule for ByteDance's SDXL-Lightning: the step count its UNet was distilled for, from the model id's
    /// <c>_Nstep</c> suffix (2, 4 or 8), 8 when there is none.
    /// </summary>
    internal static int? RunnerStepsOverride(string modelId)
    {
        if (!modelId.StartsWith("ByteDance/SDXL-Lightning", StringComparison.OrdinalIgnoreCase))
            return null;
        foreach (var steps in new[] { 2, 4, 8 })
        {
            if (modelId.EndsWith($"_{steps}step", StringComparison.OrdinalIgnoreCase))
                return steps;
        }

        return 8;
    }
}
