using System.Text.Json.Serialization;

namespace Livepeer.Api;

/// <summary>The <c>202</c> answer to a request sent with <c>Prefer: respond-async</c> (go-livepeer's asynchronous mode).</summary>
/// <param name="RequestId">The job's id (8 lower-case hex characters), to poll the pipeline's <c>/result</c> path with.</param>
public sealed record AsyncJobAccepted([property: JsonPropertyName("request_id")] string RequestId);
