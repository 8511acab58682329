using Livepeer.Media;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Livepeer.Gateway.Http;

/// <summary>
/// Turns every failure on an API endpoint into a status and the documented body, once for all endpoints:
/// 422 for schema violations, 413 for oversized uploads, 415 for undecodable media, the status an
/// <see cref="ApiProblemException"/> carries, and 500 — never a crash or an empty reply — for anything else.
/// </summary>
internal sealed partial class ApiErrorFilter(ILogger<ApiErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (RequestValidationException e)
        {
            await ApiResults.WriteValidationAsync(http, e.Errors);
        }
        catch (ApiProblemException e)
        {
            await ApiResults.WriteErrorAsync(http, e.StatusCode, e.Message, e.RetryAfterSeconds);
        }
        catch (MediaTooLargeException e)
        {
            await ApiResults.WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, e.Message);
        }
        catch (UnsupportedMediaException e)
        {
            await ApiResults.WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's body size limit and malformed multipart framing land here.
            var status = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest;
            await ApiResults.WriteErrorAsync(http, status, status == StatusCodes.Status413PayloadTooLarge ? "File size exceeds limit." : e.Message);
        }
        catch (InvalidDataException e)
        {
            // The form reader's multipart limits (part count, part length, boundary) throw this.
            var tooLarge = e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            await ApiResults.WriteErrorAsync(http, tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, tooLarge ? "File size exceeds limit." : e.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e)
        {
            LogUnexpected(logger, e, http.Request.Path);
            await ApiResults.WriteErrorAsync(http, StatusCodes.Status500InternalServerError, "Internal Server Error");
        }

        return Results.Empty;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);
}
