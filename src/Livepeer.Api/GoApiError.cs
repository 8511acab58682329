using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>The <c>error</c> of an error (go-livepeer form).</summary>
/// <param name="Message">The message.</param>
public sealed record GoApiError([property: JsonPropertyName("message")] string Message);
