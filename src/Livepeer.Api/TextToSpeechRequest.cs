using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /text-to-speech</c> (JSON; livepeer-ai-api.md §3.9).</summary>
public sealed record TextToSpeechRequest
{
    /// <summary>The runner's default speaker description.</summary>
    public const string DefaultDescription = "A male speaker delivers a slightly expressive and animated speech with a moderate speed and pitch.";

    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model_id")] public string ModelId { get; init; } = "";

    /// <summary>Text to speak (must not be empty).</summary>
    [JsonPropertyName("text")] public string Text { get; init; } = "";

    /// <summary>Speaker description.</summary>
    [JsonPropertyName("description")] public string Description { get; init; } = DefaultDescription;
}
