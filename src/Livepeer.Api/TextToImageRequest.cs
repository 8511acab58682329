using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /text-to-image</c> (JSON); defaults are the runner's (livepeer-ai-api.md §3.1).</summary>
public sealed record TextToImageRequest
{
    /// <summary>Model id; absent or empty means the gateway's default for text-to-image.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";

    /// <summary>LoRA weights as a JSON object text, e.g. <c>{"nerijs/pixel-art-xl": 1.2}</c>.</summary>
    [JsonPropertyName("loras")] public string Loras { get; init; } = "";

    /// <summary>Text prompt (required, non-empty); <c>|</c> separates up to three prompts.</summary>
    [JsonPropertyName("prompt")] public required string Prompt { get; init; }

    /// <summary>Output height in pixels. Default 576.</summary>
    [JsonPropertyName("height")] public int Height { get; init; } = 576;

    /// <summary>Output width in pixels. Default 1024.</summary>
    [JsonPropertyName("width")] public int Width { get; init; } = 1024;

    /// <summary>Classifier-free guidance scale. Default 7.5 (0 for Turbo/Lightning models).</summary>
    [JsonPropertyName("guidance_scale")] public double GuidanceScale { get; init; } = 7.5;

    /// <summary>What the image should not show.</summary>
    [JsonPropertyName("negative_prompt")] public string NegativePrompt { get; init; } = "";

    /// <summary>Run the safety checker and report <c>nsfw</c>. Default true.</summary>
    [JsonPropertyName("safety_check")] public bool SafetyCheck { get; init; } = true;

    /// <summary>Seed of the first image (image i uses seed + i); random in [0, 2^32-1] when absent.</summary>
    [JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Seed { get; init; }

    /// <summary>Denoising steps. Default 50.</summary>
    [JsonPropertyName("num_inference_steps")] public int NumInferenceSteps { get; init; } = 50;

    /// <summary>Images to generate. Default 1.</summary>
    [JsonPropertyName("num_images_per_prompt")] public int NumImagesPerPrompt { get; init; } = 1;
}
