using Livepeer.Media;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Http;

/// <summary>
/// The status and message a failure is answered with, decided once for the synchronous answer (<see cref="ApiErrorFilter"/>)
/// and the asynchronous one (<see cref="AsyncJobRegistry"/>): what the API means to tell the client keeps its status and
/// message; anything else is a 500 whose details stay in the log.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Message">The message for the error body.</param>
/// <param name="RetryAfterSeconds">Seconds for <c>Retry-After</c>, if any.</param>
/// <param name="Unexpected">True when the failure is a bug or an outage rather than an answer: log it with its exception.</param>
internal readonly record struct ApiFailure(int StatusCode, string Message, int? RetryAfterSeconds = null, bool Unexpected = false)
{
    public const string InternalServerError = "Internal Server Error";

    private const string FileTooLarge = "File size exceeds limit.";

    public static ApiFailure From(Exception exception) => exception switch
    {
        ApiProblemException e => new(e.StatusCode, e.Message, e.RetryAfterSeconds),
        RequestValidationException e => new(StatusCodes.Status422UnprocessableEntity, e.Message),
        MediaTooLargeException e => new(StatusCodes.Status413PayloadTooLarge, e.Message),
        UnsupportedMediaException e => new(StatusCodes.Status415UnsupportedMediaType, e.Message),

        // Kestrel's body size limit and malformed multipart framing.
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => new(e.StatusCode, FileTooLarge),
        BadHttpRequestException e => new(StatusCodes.Status400BadRequest, e.Message),

        // The form reader's multipart limits (part count, part length, boundary).
        InvalidDataException e when e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => new(StatusCodes.Status413PayloadTooLarge, FileTooLarge),
        InvalidDataException e => new(StatusCodes.Status400BadRequest, e.Message),
        _ => new(StatusCodes.Status500InternalServerError, InternalServerError, Unexpected: true),
    };
}
