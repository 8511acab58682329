using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /upscale</c> form fields besides the <c>image</c> file (livepeer-ai-api.md §3.4).</summary>
public sealed record UpscaleRequest
{
    /// <summary>Text prompt (required by the contract).</summary>
    [JsonPropertyName("prompt")] public required string Prompt { get; init; }

    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";

    /// <summary>Run the safety checker. Default true.</summary>
    [JsonPropertyName("safety_check")] public bool SafetyCheck { get; init; } = true;

    /// <summary>Seed; random when absent (and, as the runner does, when 0).</summary>
    [JsonPropertyName("seed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Seed { get; init; }

    /// <summary>Denoising steps. Default 75.</summary>
    [JsonPropertyName("num_inference_steps")] public int NumInferenceSteps { get; init; } = 75;
}
