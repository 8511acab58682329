using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Video;

/// <summary>
/// One image-to-video request as the SVD pipeline runs it, with the runner's defaults (1024×576, fps 6, motion bucket
/// 127, noise augmentation 0.02, 25 steps) unless the model's manifest says otherwise. Sizes not divisible by 8 get the
/// runner's own message; every other out-of-range value is refused naming the field and the range.
/// </summary>
internal sealed record VideoDiffusionRequest
{
    public const int MaxSteps = 200;

    /// <summary>Pixels of one frame at most: SVD's activations grow with frames × pixels, so the frame is bounded.</summary>
    public const long MaxFramePixels = 1280L * 1280;

    public const int MaxFps = 60;

    public const int MaxMotionBucketId = 1023;

    public const double MaxNoiseAugStrength = 5;

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>The request's frame rate, or null when it gave none (the UNet then gets the model's default).</summary>
    public required int? Fps { get; init; }

    /// <summary>The frame rate the UNet is conditioned on (it receives fps − 1).</summary>
    public required int ConditioningFps { get; init; }

    public required int MotionBucketId { get; init; }

    public required double NoiseAugStrength { get; init; }

    public required int Steps { get; init; }

    public required ulong Seed { get; init; }

    public required bool SafetyCheck { get; init; }

    public static VideoDiffusionRequest From(IReadOnlyDictionary<string, string> parameters, VideoDiffusionSettings settings)
    {
        var request = new RequestParameters(parameters, settings.RequestDefaults);
        var width = request.Int("width", 1024);
        var height = request.Int("height", 576);
        DiffusionRequest.CheckSize(width, height, MaxFramePixels, "video frame");

        var steps = request.Steps(25);
        if (steps is <= 0 or > MaxSteps)
            throw new InvalidPipelineInputException($"`num_inference_steps` must be between 1 and {MaxSteps} but is {steps}.");

        // Only the request's own fps decides the file's frame rate; the model's default only conditions the UNet.
        int? fps = parameters.TryGetValue("fps", out var fpsText) && fpsText.Length > 0 ? request.Int("fps", 6) : null;
        var conditioningFps = fps ?? request.Int("fps", 6);
        if (conditioningFps is < 1 or > MaxFps)
            throw new InvalidPipelineInputException($"`fps` must be between 1 and {MaxFps} but is {conditioningFps}.");

        var motion = request.Int("motion_bucket_id", 127);
        if (motion is < 0 or > MaxMotionBucketId)
            throw new InvalidPipelineInputException($"`motion_bucket_id` must be between 0 and {MaxMotionBucketId} but is {motion}.");
        var noiseAug = request.Double("noise_aug_strength", 0.02);
        if (noiseAug is < 0 or > MaxNoiseAugStrength)
            throw new InvalidPipelineInputException($"`noise_aug_strength` must be between 0 and {MaxNoiseAugStrength} but is {noiseAug}.");

        return new VideoDiffusionRequest
        {
            Width = width,
            Height = height,
            Fps = fps,
            ConditioningFps = conditioningFps,
            MotionBucketId = motion,
            NoiseAugStrength = noiseAug,
            Steps = steps,
            Seed = request.Seed(),
            SafetyCheck = request.SafetyCheck(),
        };
    }
}
