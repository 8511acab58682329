using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Segment-anything-2 result: nested lists written as text, as the runner does.</summary>
/// <param name="Masks">Masks, sorted by descending score.</param>
/// <param name="Scores">Scores.</param>
/// <param name="Logits">Logits.</param>
public sealed record MasksResponse(
    [property: JsonPropertyName("masks")] string Masks,
    [property: JsonPropertyName("scores")] string Scores,
    [property: JsonPropertyName("logits")] string Logits);
