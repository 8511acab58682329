using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>The body of a poll for an asynchronous job's result, e.g. <c>POST /image-to-video/result</c>.</summary>
/// <param name="RequestId">The id the <c>202</c> answer gave (<see cref="AsyncJobAccepted.RequestId"/>).</param>
public sealed record AsyncJobResultRequest([property: JsonPropertyName("request_id")] string RequestId);
