using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary><c>POST /llm</c> (JSON; livepeer-ai-api.md §3.7).</summary>
public sealed record LlmRequest
{
    /// <summary>The conversation (required, non-empty).</summary>
    [JsonPropertyName("messages")] public required IReadOnlyList<LlmMessage> Messages { get; init; }

    /// <summary>Model id; absent or empty means the gateway's default.</summary>
    [JsonPropertyName("model")] public string Model { get; init; } = "";

    /// <summary>Sampling temperature. Default 0.7.</summary>
    [JsonPropertyName("temperature")] public double Temperature { get; init; } = 0.7;

    /// <summary>Most tokens to generate (also the pricing unit). Default 256.</summary>
    [JsonPropertyName("max_tokens")] public int MaxTokens { get; init; } = 256;

    /// <summary>Nucleus sampling. Default 1.0.</summary>
    [JsonPropertyName("top_p")] public double TopP { get; init; } = 1.0;

    /// <summary>Top-k sampling; -1 disables it. Default -1.</summary>
    [JsonPropertyName("top_k")] public int TopK { get; init; } = -1;

    /// <summary>Answer as server-sent events. Default false.</summary>
    [JsonPropertyName("stream")] public bool Stream { get; init; }
}
