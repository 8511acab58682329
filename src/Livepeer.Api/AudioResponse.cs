using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Text-to-speech result.</summary>
/// <param name="Audio">The WAV file.</param>
public sealed record AudioResponse([property: JsonPropertyName("audio")] MediaUrl Audio);
