using Livepeer.Api;
using Livepeer.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Livepeer.Gateway.Media;

/// <summary><c>GET /stream/{requestId}/{file}</c>: serves stored results with their content type; unknown, invalid or expired → 404.</summary>
internal static class MediaEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods(ApiPaths.Stream + "/{requestId}/{file}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithTags("media")
            .WithSummary("A generated media file")
            .Produces<Stream>(StatusCodes.Status200OK, "image/png", "video/mp4", "audio/wav")
            .Produces(StatusCodes.Status404NotFound);

    private static async Task<IResult> ServeAsync(string requestId, string file, IMediaStore store, CancellationToken cancellationToken)
    {
        var content = await store.OpenAsync(requestId, file, cancellationToken);
        return content is null
            ? Results.Json(new { detail = "Not Found" }, statusCode: StatusCodes.Status404NotFound)
            : Results.Stream(content.Content, content.ContentType, lastModified: content.Created, enableRangeProcessing: true);
    }
}
