using Livepeer.Api;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Http;

/// <summary>Writes the API's bodies: results as <c>application/json</c>, errors in the dual form every client can read.</summary>
internal static class ApiResults
{
    public static IResult Ok<T>(T body) => Results.Json(body, ApiJson.Options, "application/json", StatusCodes.Status200OK);

    /// <summary><c>202 Accepted</c> with a JSON body (asynchronous mode).</summary>
    public static IResult Accepted<T>(T body) => Results.Json(body, ApiJson.Options, "application/json", StatusCodes.Status202Accepted);

    public static async Task WriteErrorAsync(HttpContext http, int status, string message, int? retryAfterSeconds = null)
    {
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) http.Response.Headers.WWWAuthenticate = "Bearer";
        if (retryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.Response.WriteAsJsonAsync(HttpError.Of(message), ApiJson.Options, "application/json", http.RequestAborted);
    }

    public static async Task WriteValidationAsync(HttpContext http, IReadOnlyList<ValidationError> errors)
    {
        http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await http.Response.WriteAsJsonAsync(new HttpValidationError(errors), ApiJson.Options, "application/json", http.RequestAborted);
    }
}
