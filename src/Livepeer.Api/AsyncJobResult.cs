using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>
/// A finished asynchronous job: the media the synchronous call would have answered (<c>{"images":[…]}</c>), or the
/// message of the error it would have answered (<c>{"error":{"message":…}}</c>); exactly one of the two is present.
/// </summary>
/// <param name="Images">The results, as in <see cref="VideoResponse.Images"/>; absent on failure.</param>
/// <param name="Error">Why the job failed; absent on success.</param>
public sealed record AsyncJobResult(
    [property: JsonPropertyName("images"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Media>? Images = null,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GoApiError? Error = null);
