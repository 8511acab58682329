using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /upscale</c>: multipart with an <c>image</c> file; answers <see cref="ImageResponse"/>.</summary>
internal static class UpscaleEndpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<ImageResponse>(ApiPaths.Upscale, HandleAsync, "genUpscale", "Upscale an image", typeof(UpscaleRequest), "multipart/form-data");

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var image = form.RequiredFile("image");
        var request = new UpscaleRequest
        {
            Prompt = form.RequiredString("prompt"),
            ModelId = form.String("model_id") ?? "",
            SafetyCheck = form.Bool("safety_check", true),
            Seed = form.Long("seed"),
            NumInferenceSteps = form.Int("num_inference_steps", 75),
        };
        form.ThrowIfInvalid();

        var (bytes, _) = await gateway.ReadImageAsync(image!, cancellationToken);

        // The runner treats seed 0 as "no seed" (`seed or random`); so do we.
        var seed = JobGateway.SeedOrRandom(request.Seed is 0 ? null : request.Seed);
        var job = JobGateway.NewJob(PipelineNames.Upscale, gateway.ModelFor(PipelineNames.Upscale, request.ModelId), new Dictionary<string, string>
        {
            ["prompt"] = request.Prompt,
            ["safety_check"] = JobGateway.Invariant(request.SafetyCheck),
            ["seed"] = JobGateway.Invariant(seed),
            ["num_inference_steps"] = JobGateway.Invariant(request.NumInferenceSteps),
        }, bytes);
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(new ImageResponse(await gateway.StoreAsync(result, cancellationToken)));
    }
}
