using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Livepeer.Gateway.Http;

/// <summary>
/// Turns every failure on an API endpoint into a status and the documented body, once for all endpoints:
/// 422 for schema violations with every violation listed, and otherwise the status and message <see cref="ApiFailure"/>
/// gives (413 for oversized uploads, 415 for undecodable media, the status an <see cref="ApiProblemException"/> carries,
/// and 500 — never a crash or an empty reply — for anything else).
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
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e)
        {
            var failure = ApiFailure.From(e);
            if (failure.Unexpected) LogUnexpected(logger, e, http.Request.Path);
            await ApiResults.WriteErrorAsync(http, failure.StatusCode, failure.Message, failure.RetryAfterSeconds);
        }

        return Results.Empty;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);
}
