using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>One timed piece of a transcript.</summary>
/// <param name="Timestamp">Start and end in seconds (end may be null).</param>
/// <param name="Text">The text.</param>
public sealed record TextChunk(
    [property: JsonPropertyName("timestamp")] IReadOnlyList<double?> Timestamp,
    [property: JsonPropertyName("text")] string Text);
