using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>Error body for 400/401/413/415/500/503/504: both the runner/SDK form and the go-livepeer form, so either kind of client can read it.</summary>
/// <param name="Detail">The runner/SDK form.</param>
/// <param name="Error">The go-livepeer form.</param>
public sealed record HttpError(
    [property: JsonPropertyName("detail")] ApiError Detail,
    [property: JsonPropertyName("error")] GoApiError Error)
{
    /// <summary>An error body carrying <paramref name="message"/> in both forms.</summary>
    public static HttpError Of(string message) => new(new ApiError(message), new GoApiError(message));
}
