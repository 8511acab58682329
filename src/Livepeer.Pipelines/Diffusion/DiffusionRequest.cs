namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// One text-to-image or image-to-image request as the diffusion pipeline runs it, after the model's defaults and
/// overrides: steps ≤ 0 fall back to the default (as the runner drops them), steps over <see cref="DiffusionSettings.MaxSteps"/>,
/// sizes not divisible by 8 and other out-of-range values are the caller's error.
/// </summary>
internal sealed record DiffusionRequest
{
    public const int MaxImages = 8;

    public const long MaxPixels = 2048L * 2048;

    public required string Prompt { get; init; }

    public required string NegativePrompt { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required int Steps { get; init; }

    public required double GuidanceScale { get; init; }

    public required double Strength { get; init; }

    public required int Images { get; init; }

    public required ulong Seed { get; init; }

    public required bool SafetyCheck { get; init; }

    public static DiffusionRequest From(IReadOnlyDictionary<string, string> parameters, DiffusionSettings settings, bool imageToImage)
    {
        var request = new RequestParameters(parameters, settings.RequestDefaults);
        var prompt = request.Get("prompt");
        if (string.IsNullOrWhiteSpace(prompt))
            throw new InvalidPipelineInputException("Prompt must be provided.");

        var steps = request.Steps(imageToImage ? 100 : 50);
        steps = settings.ForcedSteps ?? steps;
        if (steps is <= 0 or > DiffusionSettings.MaxSteps)
            throw new InvalidPipelineInputException($"`num_inference_steps` must be between 1 and {DiffusionSettings.MaxSteps} but is {steps}.");

        var width = request.Int("width", 512);
        var height = request.Int("height", 512);
        if (!imageToImage)
            CheckSize(width, height, MaxPixels, "image");

        var guidance = settings.ForcedGuidanceScale ?? request.Double("guidance_scale", 7.5);
        if (guidance is < 0 or > 100)
            throw new InvalidPipelineInputException($"`guidance_scale` must be between 0 and 100 but is {guidance}.");
        var strength = request.Double("strength", 0.8);
        if (strength is < 0 or > 1)
            throw new InvalidPipelineInputException($"`strength` must be between 0 and 1 but is {strength}.");

        var images = request.Int("num_images_per_prompt", 1);
        if (images is < 1 or > MaxImages)
            throw new InvalidPipelineInputException($"`num_images_per_prompt` must be between 1 and {MaxImages} but is {images}.");

        return new DiffusionRequest
        {
            Prompt = prompt,
            NegativePrompt = request.Get("negative_prompt") ?? "",
            Width = width,
            Height = height,
            Steps = steps,
            GuidanceScale = guidance,
            Strength = strength,
            Images = images,
            Seed = request.Seed(),
            SafetyCheck = request.SafetyCheck(),
        };
    }

    /// <summary>
    /// The output size diffusion can produce: both sides divisible by 8 (the VAE's factor; the Livepeer runner's message),
    /// at most <paramref name="maxPixels"/> pixels per <paramref name="unit"/> ("image", "video frame").
    /// </summary>
    public static void CheckSize(int width, int height, long maxPixels, string unit)
    {
        if (width <= 0 || height <= 0 || width % 8 != 0 || height % 8 != 0)
            throw new InvalidPipelineInputException($"`height` and `width` have to be divisible by 8 but are {height} and {width}.");
        if ((long)width * height > maxPixels)
            throw new InvalidPipelineInputException($"{width}x{height} is over the {maxPixels} pixel limit of one {unit}.");
    }
}
