using Livepeer.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary>Route conventions shared by every pipeline endpoint.</summary>
internal static class ApiRoutes
{
    /// <summary>
    /// Maps a POST at <paramref name="path"/> with the API's error responses documented. Routing ignores a trailing
    /// slash, so <paramref name="path"/>/ is served too, as the runner serves both. Returns the route to document more on.
    /// </summary>
    public static RouteHandlerBuilder MapApiPost<TResponse>(this ApiGroup api, string path, Delegate handler, string name, string summary, Type request, string contentType)
    {
        var endpoint = api.Routes.MapPost(path, handler)
            .WithTags("generate")
            .WithSummary(summary)
            .WithMetadata(new ApiRequestBodyMetadata(request, contentType))
            .Produces<TResponse>(StatusCodes.Status200OK, "application/json")
            .Produces<HttpValidationError>(StatusCodes.Status422UnprocessableEntity, "application/json")
            .Produces<HttpError>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<HttpError>(StatusCodes.Status401Unauthorized, "application/json")
            .Produces<HttpError>(StatusCodes.Status413PayloadTooLarge, "application/json")
            .Produces<HttpError>(StatusCodes.Status415UnsupportedMediaType, "application/json")
            .Produces<HttpError>(StatusCodes.Status500InternalServerError, "application/json")
            .Produces<HttpError>(StatusCodes.Status503ServiceUnavailable, "application/json")
            .Produces<HttpError>(StatusCodes.Status504GatewayTimeout, "application/json");
        if (api.Documented) endpoint.WithName(name);
        else endpoint.ExcludeFromDescription();
        return endpoint;
    }

    /// <summary>
    /// Maps the poll of a pipeline's asynchronous jobs (JSON <see cref="AsyncJobResultRequest"/>): 202 while the job runs,
    /// 200 once it is complete, 400 for an unknown or expired id.
    /// </summary>
    public static RouteHandlerBuilder MapAsyncResultPost(this ApiGroup api, string path, Delegate handler, string name, string summary)
    {
        var endpoint = api.Routes.MapPost(path, handler)
            .WithTags("generate")
            .WithSummary(summary)
            .WithMetadata(new ApiRequestBodyMetadata(typeof(AsyncJobResultRequest), "application/json"))
            .Produces<AsyncJobStatus>(StatusCodes.Status200OK, "application/json")
            .Produces<AsyncJobStatus>(StatusCodes.Status202Accepted, "application/json")
            .Produces<HttpValidationError>(StatusCodes.Status422UnprocessableEntity, "application/json")
            .Produces<HttpError>(StatusCodes.Status400BadRequest, "application/json")
            .Produces<HttpError>(StatusCodes.Status401Unauthorized, "application/json");
        if (api.Documented) endpoint.WithName(name);
        else endpoint.ExcludeFromDescription();
        return endpoint;
    }
}
