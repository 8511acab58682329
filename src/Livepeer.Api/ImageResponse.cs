using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Images (text-to-image, image-to-image, upscale).</summary>
/// <param name="Images">One entry per image, in seed order.</param>
public sealed record ImageResponse([property: JsonPropertyName("images")] IReadOnlyList<Media> Images);
