using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Tokens used by an LLM request.</summary>
/// <param name="PromptTokens">Prompt tokens.</param>
/// <param name="CompletionTokens">Generated tokens.</param>
/// <param name="TotalTokens">Both.</param>
public sealed record LlmTokenUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);
