using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /audio-to-text</c> form fields besides the <c>audio</c> file (livepeer-ai-api.md §3.5).</summary>
public sealed record AudioToTextRequest
{
    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";

    /// <summary><c>true</c>/<c>1</c>/<c>sentence</c>, <c>false</c>/<c>0</c>, or <c>word</c>. Default <c>true</c>.</summary>
    [JsonPropertyName("return_timestamps")] public string ReturnTimestamps { get; init; } = "true";
}
