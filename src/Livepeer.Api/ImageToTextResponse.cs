using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Image-to-text result.</summary>
/// <param name="Text">The caption.</param>
public sealed record ImageToTextResponse([property: JsonPropertyName("text")] string Text);
