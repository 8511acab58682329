using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /image-to-video</c>: multipart with an <c>image</c> file; answers the MP4 as <c>{"images":[…]}</c>, as the gateway spec has it.</summary>
internal static class ImageToVideoEndpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<VideoResponse>(ApiPaths.ImageToVideo, HandleAsync, "genImageToVideo", "Image to video", typeof(ImageToVideoRequest), "multipart/form-data");

    /// <summary>The form's fields with the runner's defaults.</summary>
    internal static ImageToVideoRequest Bind(FormFields form) => new()
    {
        ModelId = form.String("model_id") ?? "",
        Height = form.Int("height", 576),
        Width = form.Int("width", 1024),
        Fps = form.Int("fps", 6),
        MotionBucketId = form.Int("motion_bucket_id", 127),
        NoiseAugStrength = form.Double("noise_aug_strength", 0.02),
        SafetyCheck = form.Bool("safety_check", true),
        Seed = form.Long("seed"),
        NumInferenceSteps = form.Int("num_inference_steps", 25),
    };

    /// <summary>The runner's size rule (divisible by 8, with its message) and sane limits, before any GPU time.</summary>
    internal static void Check(ImageToVideoRequest request)
    {
        if (request.Height % 8 != 0 || request.Width % 8 != 0)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"`height` and `width` have to be divisible by 8 but are {request.Height} and {request.Width}.");
        ImageChecks.Size(request.Height, request.Width);
        if (request.Fps is <= 0 or > 60)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"`fps` must be between 1 and 60 but is {request.Fps}.");
    }

    internal static Dictionary<string, string> Parameters(ImageToVideoRequest request) => new()
    {
        ["height"] = JobGateway.Invariant(request.Height),
        ["width"] = JobGateway.Invariant(request.Width),
        ["fps"] = JobGateway.Invariant(request.Fps),
        ["motion_bucket_id"] = JobGateway.Invariant(request.MotionBucketId),
        ["noise_aug_strength"] = JobGateway.Invariant(request.NoiseAugStrength),
        ["safety_check"] = JobGateway.Invariant(request.SafetyCheck),
        ["seed"] = JobGateway.Invariant(JobGateway.SeedOrRandom(request.Seed)),
        ["num_inference_steps"] = JobGateway.Invariant(request.NumInferenceSteps),
    };

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var image = form.RequiredFile("image");
        var request = Bind(form);
        form.ThrowIfInvalid();
        Check(request);

        var (bytes, _) = await gateway.ReadImageAsync(image!, cancellationToken);
        var job = JobGateway.NewJob(PipelineNames.ImageToVideo, gateway.ModelFor(PipelineNames.ImageToVideo, request.ModelId), Parameters(request), bytes);
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(new VideoResponse(await gateway.StoreAsync(result, cancellationToken)));
    }
}
