using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /image-to-video</c> form fields besides the <c>image</c> file (livepeer-ai-api.md §3.3).</summary>
public sealed record ImageToVideoRequest
{
    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";

    /// <summary>Video height, divisible by 8. Default 576.</summary>
    [JsonPropertyName("height")] public int Height { get; init; } = 576;

    /// <summary>Video width, divisible by 8. Default 1024.</summary>
    [JsonPropertyName("width")] public int Width { get; init; } = 1024;

    /// <summary>Frames per second of the MP4. Default 6.</summary>
    [JsonPropertyName("fps")] public int Fps { get; init; } = 6;

    /// <summary>Amount of motion. Default 127.</summary>
    [JsonPropertyName("motion_bucket_id")] public int MotionBucketId { get; init; } = 127;

    /// <summary>Noise added to the conditioning image. Default 0.02.</summary>
    [JsonPropertyName("noise_aug_strength")] public double NoiseAugStrength { get; init; } = 0.02;

    /// <summary>Run the safety checker on the input image. Default true.</summary>
    [JsonPropertyName("safety_check")] public bool SafetyCheck { get; init; } = true;

    /// <summary>Seed; random when absent.</summary>
    [JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Seed { get; init; }

    /// <summary>Denoising steps. Default 25.</summary>
    [JsonPropertyName("num_inference_steps")] public int NumInferenceSteps { get; init; } = 25;
}
