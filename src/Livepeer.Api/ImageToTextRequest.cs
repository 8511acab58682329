using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /image-to-text</c> form fields besides the <c>image</c> file (livepeer-ai-api.md §3.8).</summary>
public sealed record ImageToTextRequest
{
    /// <summary>Conditional captioning prefix.</summary>
    [JsonPropertyName("prompt")] public string Prompt { get; init; } = "";

    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";
}
