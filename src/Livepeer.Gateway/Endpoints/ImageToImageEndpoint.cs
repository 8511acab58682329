using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /image-to-image</c>: multipart with an <c>image</c> file; answers <see cref="ImageResponse"/>.</summary>
internal static class ImageToImageEndpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<ImageResponse>(ApiPaths.ImageToImage, HandleAsync, "genImageToImage", "Image to image", typeof(ImageToImageRequest), "multipart/form-data");

    /// <summary>The form's fields with the runner's defaults.</summary>
    internal static ImageToImageRequest Bind(FormFields form) => new()
    {
        Prompt = form.RequiredString("prompt"),
        ModelId = form.String("model_id") ?? "",
        Loras = form.String("loras") ?? "",
        Strength = form.Double("strength", 0.8),
        GuidanceScale = form.Double("guidance_scale", 7.5),
        ImageGuidanceScale = form.Double("image_guidance_scale", 1.5),
        NegativePrompt = form.String("negative_prompt") ?? "",
        SafetyCheck = form.Bool("safety_check", true),
        Seed = form.Long("seed"),
        NumInferenceSteps = form.Int("num_inference_steps", 100),
        NumImagesPerPrompt = form.Int("num_images_per_prompt", 1),
    };

    /// <summary>Semantic checks after the schema: 400 with a message the client can act on.</summary>
    internal static void Check(ImageToImageRequest request)
    {
        if (request.Strength is < 0 or > 1)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"`strength` must be between 0 and 1 but is {request.Strength}.");
    }

    internal static Dictionary<string, string> Parameters(ImageToImageRequest request) => new()
    {
        ["prompt"] = request.Prompt,
        ["negative_prompt"] = request.NegativePrompt,
        ["loras"] = request.Loras,
        ["strength"] = JobGateway.Invariant(request.Strength),
        ["guidance_scale"] = JobGateway.Invariant(request.GuidanceScale),
        ["image_guidance_scale"] = JobGateway.Invariant(request.ImageGuidanceScale),
        ["safety_check"] = JobGateway.Invariant(request.SafetyCheck),
        ["seed"] = JobGateway.Invariant(JobGateway.SeedOrRandom(request.Seed)),
        ["num_inference_steps"] = JobGateway.Invariant(request.NumInferenceSteps),
        ["num_images_per_prompt"] = JobGateway.Invariant(Math.Max(1, request.NumImagesPerPrompt)),
    };

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var image = form.RequiredFile("image");
        var request = Bind(form);
        form.ThrowIfInvalid();
        Check(request);

        var (bytes, _) = await gateway.ReadImageAsync(image!, cancellationToken);
        var job = JobGateway.NewJob(PipelineNames.ImageToImage, gateway.ModelFor(PipelineNames.ImageToImage, request.ModelId), Parameters(request), bytes);
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(new ImageResponse(await gateway.StoreAsync(result, cancellationToken)));
    }
}
