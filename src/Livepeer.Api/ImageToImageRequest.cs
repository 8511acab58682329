using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /image-to-image</c> form fields besides the <c>image</c> file (livepeer-ai-api.md §3.2).</summary>
public sealed record ImageToImageRequest
{
    /// <summary>Text prompt (required).</summary>
    [JsonPropertyName("prompt")] public required string Prompt { get; init; }

    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";

    /// <summary>LoRA weights as JSON object text.</summary>
    [JsonPropertyName("loras")] public string Loras { get; init; } = "";

    /// <summary>How much the input image is changed, 0..1. Default 0.8.</summary>
    [JsonPropertyName("strength")] public double Strength { get; init; } = 0.8;

    /// <summary>Guidance scale. Default 7.5.</summary>
    [JsonPropertyName("guidance_scale")] public double GuidanceScale { get; init; } = 7.5;

    /// <summary>Image guidance scale (instruct-pix2pix). Default 1.5.</summary>
    [JsonPropertyName("image_guidance_scale")] public double ImageGuidanceScale { get; init; } = 1.5;

    /// <summary>What the image should not show.</summary>
    [JsonPropertyName("negative_prompt")] public string NegativePrompt { get; init; } = "";

    /// <summary>Run the safety checker. Default true.</summary>
    [JsonPropertyName("safety_check")] public bool SafetyCheck { get; init; } = true;

    /// <summary>Seed of the first image; random when absent.</summary>
    [JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Seed { get; init; }

    /// <summary>Denoising steps. Default 100.</summary>
    [JsonPropertyName("num_inference_steps")] public int NumInferenceSteps { get; init; } = 100;

    /// <summary>Images to generate. Default 1.</summary>
    [JsonPropertyName("num_images_per_prompt")] public int NumImagesPerPrompt { get; init; } = 1;
}
