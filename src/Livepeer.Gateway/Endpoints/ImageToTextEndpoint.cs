using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /image-to-text</c>: multipart with an <c>image</c> file; answers <see cref="ImageToTextResponse"/>.</summary>
internal static class ImageToTextEndpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<ImageToTextResponse>(ApiPaths.ImageToText, HandleAsync, "genImageToText", "Image to text", typeof(ImageToTextRequest), "multipart/form-data");

    /// <summary>The form's fields with the runner's defaults.</summary>
    internal static ImageToTextRequest Bind(FormFields form) => new() { Prompt = form.String("prompt") ?? "", ModelId = form.String("model_id") ?? "" };

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var image = form.RequiredFile("image");
        var request = Bind(form);
        form.ThrowIfInvalid();

        var (bytes, _) = await gateway.ReadImageAsync(image!, cancellationToken);
        var job = JobGateway.NewJob(PipelineNames.ImageToText, gateway.ModelFor(PipelineNames.ImageToText, request.ModelId),
            new Dictionary<string, string> { ["prompt"] = request.Prompt }, bytes);
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(JsonResults.Read<ImageToTextResponse>(result));
    }
}
