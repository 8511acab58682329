using System.Net;
using Livepeer.Api;

namespace Livepeer.Client;

/// <summary>The gateway answered with an error, or with a success body that is not the documented shape.</summary>
public sealed class LivepeerApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="message">The server's message (<c>detail.msg</c>, else <c>error.message</c>, else the body, else the reason phrase).</param>
    /// <param name="responseBody">The raw response body.</param>
    /// <param name="validationErrors">The 422 violations, when the body listed them.</param>
    /// <param name="retryAfter">When to try again, from the <c>Retry-After</c> header.</param>
    /// <param name="wwwAuthenticate">The <c>WWW-Authenticate</c> challenge, if any.</param>
    /// <param name="innerException">The cause, e.g. a JSON error.</param>
    public LivepeerApiException(
        HttpStatusCode statusCode,
        string message,
        string responseBody = "",
        IReadOnlyList<ValidationError>? validationErrors = null,
        TimeSpan? retryAfter = null,
        string? wwwAuthenticate = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody ?? "";
        ValidationErrors = validationErrors;
        RetryAfter = retryAfter;
        WwwAuthenticate = wwwAuthenticate;
    }

    /// <summary>The HTTP status (200 when a success body had the wrong shape).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The raw response body; empty when there was none.</summary>
    public string ResponseBody { get; }

    /// <summary>The schema violations of a 422 answer; null for other errors.</summary>
    public IReadOnlyList<ValidationError>? ValidationErrors { get; }

    /// <summary>How long to wait before trying again (<c>Retry-After</c>, seconds or a date); null when the header was absent.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The <c>WWW-Authenticate</c> header (e.g. <c>Bearer</c> on a 401); null when absent.</summary>
    public string? WwwAuthenticate { get; }
}
