using Livepeer.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Livepeer.Gateway.Hosting;

/// <summary>
/// Adds the file part to the multipart request schemas: the request records carry the scalar form fields, while the
/// upload itself (<c>image</c> or <c>audio</c>, any file name, decoded by its bytes) is read straight from the form.
/// </summary>
internal sealed class UploadSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly Dictionary<Type, string> FileParts = new()
    {
        [typeof(ImageToImageRequest)] = "image",
        [typeof(ImageToVideoRequest)] = "image",
        [typeof(UpscaleRequest)] = "image",
        [typeof(SegmentAnything2Request)] = "image",
        [typeof(ImageToTextRequest)] = "image",
        [typeof(AudioToTextRequest)] = "audio",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (FileParts.TryGetValue(context.JsonTypeInfo.Type, out var part))
        {
            schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            schema.Properties[part] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = $"The {part} file." };
            schema.Required ??= new HashSet<string>();
            schema.Required.Add(part);
        }

        return Task.CompletedTask;
    }
}
