namespace Livepeer.Pipelines.Video;

/// <summary>
/// A Stable Video Diffusion model's fixed behaviour, from the manifest's <c>defaults</c> (all optional):
/// <c>num_frames</c> (14 for svd, 25 for svd-xt; the UNet's own frame axis wins when the export fixes it),
/// <c>decode_chunk_size</c> (frames per temporal-decoder run; the Livepeer runner uses 4), <c>sigma_min</c> and
/// <c>sigma_max</c> (the scheduler's 0.002 and 700), <c>min_guidance_scale</c> and <c>max_guidance_scale</c> (the
/// per-frame guidance ramp, 1 to 3 as in diffusers) and <c>vae_scaling_factor</c> (0.18215). The request defaults
/// <c>width</c>, <c>height</c>, <c>fps</c>, <c>motion_bucket_id</c>, <c>noise_aug_strength</c> and
/// <c>num_inference_steps</c> apply when a request leaves them out.
/// </summary>
internal sealed record VideoDiffusionSettings
{
    public const int MaxFrames = 64;

    public required int Frames { get; init; }

    public required int DecodeChunkSize { get; init; }

    public required double SigmaMin { get; init; }

    public required double SigmaMax { get; init; }

    public required double MinGuidanceScale { get; init; }

    public required double MaxGuidanceScale { get; init; }

    public required float VaeScalingFactor { get; init; }

    public required IReadOnlyDictionary<string, string> RequestDefaults { get; init; }

    /// <summary>Reads the manifest; <paramref name="unetFrames"/> is the frame count the UNet's export fixes, if it does.</summary>
    public static VideoDiffusionSettings From(ModelManifest manifest, int? unetFrames)
    {
        var reader = new ManifestDefaults(manifest);
        var declared = reader.Int("num_frames", unetFrames ?? 14, 1, MaxFrames);
        if (unetFrames is { } fixedFrames && declared != fixedFrames)
            throw new InvalidModelException($"Model '{manifest.Id}': num_frames is {declared} but the unet's sample is fixed at {fixedFrames} frames.");

        var settings = new VideoDiffusionSettings
        {
            Frames = declared,
            DecodeChunkSize = reader.Int("decode_chunk_size", Math.Min(4, declared), 1, MaxFrames),
            SigmaMin = reader.Double("sigma_min", 0.002),
            SigmaMax = reader.Double("sigma_max", 700),
            MinGuidanceScale = reader.Double("min_guidance_scale", 1.0),
            MaxGuidanceScale = reader.Double("max_guidance_scale", 3.0),
            VaeScalingFactor = (float)reader.Double("vae_scaling_factor", 0.18215),
            RequestDefaults = manifest.Defaults,
        };
        if (!(settings.SigmaMin > 0 && settings.SigmaMax > settings.SigmaMin))
            throw new InvalidModelException($"Model '{manifest.Id}': sigma_max ({settings.SigmaMax}) must be above sigma_min ({settings.SigmaMin}), which must be positive.");
        if (settings.MaxGuidanceScale < settings.MinGuidanceScale)
            throw new InvalidModelException($"Model '{manifest.Id}': max_guidance_scale ({settings.MaxGuidanceScale}) is below min_guidance_scale ({settings.MinGuidanceScale}).");
        if (!(settings.VaeScalingFactor > 0))
            throw new InvalidModelException($"Model '{manifest.Id}': vae_scaling_factor must be positive.");
        return settings;
    }

    /// <summary>Classifier-free guidance runs when any frame's scale is above 1 (diffusers: max_guidance_scale &gt; 1).</summary>
    public bool Guided => MaxGuidanceScale > 1;

    /// <summary>The guidance of frame <paramref name="frame"/>: linear from the first frame's minimum to the last frame's maximum.</summary>
    public float GuidanceOf(int frame) =>
        (float)(Frames == 1 ? MinGuidanceScale : MinGuidanceScale + (MaxGuidanceScale - MinGuidanceScale) * frame / (Frames - 1));
}
