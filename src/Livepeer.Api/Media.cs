using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>One generated media file.</summary>
/// <param name="Url">Where to fetch it (<c>/stream/{requestId}/{file}</c> or absolute).</param>
/// <param name="Seed">The seed that produced it (up to 2^32-1).</param>
/// <param name="Nsfw">Whether the safety checker flagged it; never null.</param>
public sealed record Media(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("seed")] long Seed,
    [property: JsonPropertyName("nsfw")] bool Nsfw);
