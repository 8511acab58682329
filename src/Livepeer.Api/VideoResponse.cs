using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Image-to-video at the gateway: the MP4 as the only entry of <c>images</c>.</summary>
/// <param name="Images">The video.</param>
public sealed record VideoResponse([property: JsonPropertyName("images")] IReadOnlyList<Media> Images);
