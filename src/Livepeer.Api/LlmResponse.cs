using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>LLM result.</summary>
/// <param name="Id">Response id.</param>
/// <param name="Model">Model that answered.</param>
/// <param name="Created">Unix time.</param>
/// <param name="Usage">Tokens used.</param>
/// <param name="Choices">Answers.</param>
public sealed record LlmResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("usage")] LlmTokenUsage Usage,
    [property: JsonPropertyName("choices")] IReadOnlyList<LlmChoice> Choices);
