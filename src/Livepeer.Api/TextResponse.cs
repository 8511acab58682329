using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Audio-to-text result.</summary>
/// <param name="Text">The transcript.</param>
/// <param name="Chunks">Timed pieces; empty when no timestamps were asked for.</param>
public sealed record TextResponse(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("chunks")] IReadOnlyList<TextChunk> Chunks);
