using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /text-to-image</c>: JSON <see cref="TextToImageRequest"/>; answers <see cref="ImageResponse"/> (one image per seed, seed + i).</summary>
internal static class TextToImageEndpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<ImageResponse>(ApiPaths.TextToImage, HandleAsync, "genTextToImage", "Text to image", typeof(TextToImageRequest), "application/json");

    /// <summary>The body's fields with the runner's defaults; 422 when a field is missing or ill-typed, 400 for an empty prompt.</summary>
    internal static TextToImageRequest Bind(JsonFields json)
    {
        var request = new TextToImageRequest
        {
            ModelId = json.String("model_id") ?? "",
            Loras = json.String("loras") ?? "",
            Prompt = json.RequiredString("prompt"),
            Height = json.Int("height", 576),
            Width = json.Int("width", 1024),
            GuidanceScale = json.Double("guidance_scale", 7.5),
            NegativePrompt = json.String("negative_prompt") ?? "",
            SafetyCheck = json.Bool("safety_check", true),
            Seed = json.Long("seed"),
            NumInferenceSteps = json.Int("num_inference_steps", 50),
            NumImagesPerPrompt = json.Int("num_images_per_prompt", 1),
        };
        json.ThrowIfInvalid();
        if (string.IsNullOrWhiteSpace(request.Prompt))
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Prompt must be provided.");
        ImageChecks.Size(request.Height, request.Width);
        return request;
    }

    /// <summary>What the worker receives; go-livepeer's gateway coerces the image count to at least 1.</summary>
    internal static Dictionary<string, string> Parameters(TextToImageRequest request) => new()
    {
        ["prompt"] = request.Prompt,
        ["negative_prompt"] = request.NegativePrompt,
        ["loras"] = request.Loras,
        ["height"] = JobGateway.Invariant(request.Height),
        ["width"] = JobGateway.Invariant(request.Width),
        ["guidance_scale"] = JobGateway.Invariant(request.GuidanceScale),
        ["safety_check"] = JobGateway.Invariant(request.SafetyCheck),
        ["seed"] = JobGateway.Invariant(JobGateway.SeedOrRandom(request.Seed)),
        ["num_inference_steps"] = JobGateway.Invariant(request.NumInferenceSteps),
        ["num_images_per_prompt"] = JobGateway.Invariant(Math.Max(1, request.NumImagesPerPrompt)),
    };

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        using var json = await JsonFields.ReadAsync(http, cancellationToken);
        var request = Bind(json);
        var job = JobGateway.NewJob(PipelineNames.TextToImage, gateway.ModelFor(PipelineNames.TextToImage, request.ModelId), Parameters(request));
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(new ImageResponse(await gateway.StoreAsync(result, cancellationToken)));
    }
}
