using System.Text.Json;
using Livepeer.Api;
using Livepeer.Gateway.Endpoints;
using Livepeer.Gateway.Http;
using Livepeer.Gateway.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Livepeer.Gateway.Hosting;

/// <summary>Maps the Livepeer AI API (at the root and under <c>/api/beta/generate</c>), <c>/stream</c> and the OpenAPI document.</summary>
public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>The OpenAPI document's path.</summary>
    public const string OpenApiPath = "/openapi.json";

    /// <summary>Maps every pipeline endpoint, the media route and the OpenAPI document; unknown routes answer FastAPI's JSON 404/405.</summary>
    public static WebApplication MapLivepeerGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePages(WriteStatusBodyAsync);
        MapPipelines(new ApiGroup(app.MapGroup(""), Documented: true));
        MapPipelines(new ApiGroup(app.MapGroup(ApiPaths.StudioPrefix), Documented: false));
        MediaEndpoint.Map(app);
        app.MapOpenApi(OpenApiPath);
        return app;
    }

    private static void MapPipelines(ApiGroup api)
    {
        api.Routes.AddEndpointFilter<ApiErrorFilter>().AddEndpointFilter<BearerAuthFilter>();
        TextToImageEndpoint.Map(api);
        ImageToImageEndpoint.Map(api);
        ImageToVideoEndpoint.Map(api);
        UpscaleEndpoint.Map(api);
        AudioToTextEndpoint.Map(api);
        SegmentAnything2Endpoint.Map(api);
        LlmEndpoint.Map(api);
        ImageToTextEndpoint.Map(api);
        TextToSpeechEndpoint.Map(api);
    }

    /// <summary>Bodiless 404/405 (no route, wrong method) get FastAPI's <c>{"detail": "..."}</c>, as the runner answers them.</summary>
    private static Task WriteStatusBodyAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        var detail = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "Not Found",
            StatusCodes.Status405MethodNotAllowed => "Method Not Allowed",
            _ => null,
        };
        if (detail is null) return Task.CompletedTask;
        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(new { detail }), context.HttpContext.RequestAborted);
    }
}
