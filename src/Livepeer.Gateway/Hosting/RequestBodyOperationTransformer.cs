using Livepeer.Gateway.Endpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Livepeer.Gateway.Hosting;

/// <summary>Writes the request body of API operations from <see cref="ApiRequestBodyMetadata"/>.</summary>
internal sealed class RequestBodyOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var body = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRequestBodyMetadata>().FirstOrDefault();
        if (body is null) return;
        var schema = await context.GetOrCreateSchemaAsync(body.RequestType, null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = schema } },
        };
    }
}
