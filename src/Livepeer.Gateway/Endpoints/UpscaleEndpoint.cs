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

    /// <summary>The form's fields with the runner's defaults; 422 when a field is missing or ill-typed.</summary>
    internal static UpscaleRequest Bind(FormFields form) => new()
    {
        Prompt = form.RequiredString("prompt"),
        ModelId = form.String("model_id") ?? "",
        SafetyCheck = form.Bool("safety_check", true),
        Seed = form.Long("seed"),
        NumInferenceSteps = form.Int("num_inference_steps", 75),
    };

    /// <summary>What the worker receives. The runner treats seed 0 as "no seed" (<c>seed or random</c>); so do we.</summary>
    internal static Dictionary<string, string> Parameters(UpscaleRequest request) => new()
    {
        ["prompt"] = request.Prompt,
        ["safety_check"] = JobGateway.Invariant(request.SafetyCheck),
        ["seed"] = JobGateway.Invariant(JobGateway.SeedOrRandom(request.Seed is 0 ? null : request.Seed)),
        ["num_inference_steps"] = JobGateway.Invariant(request.NumInferenceSteps),
    };

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var image = form.RequiredFile("image");
        var request = Bind(form);
        form.ThrowIfInvalid();

        var (bytes, _) = await gateway.ReadImageAsync(image!, cancellationToken);
        var job = JobGateway.NewJob(PipelineNames.Upscale, gateway.ModelFor(PipelineNames.Upscale, request.ModelId), Parameters(request), bytes);
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(new ImageResponse(await gateway.StoreAsync(result, cancellationToken)));
    }
}
