namespace Livepeer.Gateway.Http;

/// <summary>A request ends with this status and message (in the dual error body); thrown anywhere on the request path.</summary>
internal sealed class ApiProblemException(int statusCode, string message, int? retryAfterSeconds = null, Exception? innerException = null) : Exception(message, innerException)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>Seconds for the <c>Retry-After</c> header (503), if any.</summary>
    public int? RetryAfterSeconds { get; } = retryAfterSeconds;
}
