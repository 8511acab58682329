using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>A URL of a media file.</summary>
/// <param name="Url">The URL.</param>
public sealed record MediaUrl([property: JsonPropertyName("url")] string Url);
