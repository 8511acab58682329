using Livepeer.Api;
using Livepeer.Contracts;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary>
/// <c>POST /image-to-video</c>: multipart with an <c>image</c> file; answers the MP4 as <c>{"images":[…]}</c>, as the
/// gateway spec has it. With <c>Prefer: respond-async</c> (go-livepeer's asynchronous mode) a request whose input passes
/// every check is answered <c>202 {"request_id":…}</c> at once and runs in the background; <c>POST /image-to-video/result</c>
/// with that id answers <c>202 {"status":"processing"}</c>, then <c>200 {"status":"complete","result":…}</c> whose result
/// is the synchronous answer's body, or <c>{"error":{"message":…}}</c> with its error message.
/// </summary>
internal static class ImageToVideoEndpoint
{
    /// <summary>The message go-livepeer answers an unknown request id with (400).</summary>
    public const string InvalidRequestId = "invalid request ID";

    public static void Map(ApiGroup api)
    {
        api.MapApiPost<VideoResponse>(ApiPaths.ImageToVideo, HandleAsync, "genImageToVideo", "Image to video", typeof(ImageToVideoRequest), "multipart/form-data")
            .WithDescription($"Send `Prefer: {PreferHeader.RespondAsync}` to get 202 with a request id at once and poll `{ApiPaths.ImageToVideoResult}` for the video.")
            .Produces<AsyncJobAccepted>(StatusCodes.Status202Accepted, "application/json");
        api.MapAsyncResultPost(ApiPaths.ImageToVideoResult, HandleResultAsync, "genImageToVideoResult", "Image to video: the result of an asynchronous request");
    }

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

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, AsyncJobRegistry asyncJobs, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var image = form.RequiredFile("image");
        var request = Bind(form);
        form.ThrowIfInvalid();
        Check(request);

        var (bytes, _) = await gateway.ReadImageAsync(image!, cancellationToken);
        var job = JobGateway.NewJob(PipelineNames.ImageToVideo, gateway.ModelFor(PipelineNames.ImageToVideo, request.ModelId), Parameters(request), bytes);
        if (PreferHeader.PrefersRespondAsync(http))
        {
            var requestId = asyncJobs.Start(PipelineNames.ImageToVideo, token => RunAsync(gateway, job, token));
            http.HttpContext.Response.Headers["Preference-Applied"] = PreferHeader.RespondAsync;
            return ApiResults.Accepted(new AsyncJobAccepted(requestId));
        }

        return ApiResults.Ok(new VideoResponse(await RunAsync(gateway, job, cancellationToken)));
    }

    private static async Task<IReadOnlyList<Api.Media>> RunAsync(JobGateway gateway, JobRequest job, CancellationToken cancellationToken)
    {
        var result = await gateway.RunAsync(job, cancellationToken);
        return await gateway.StoreAsync(result, cancellationToken);
    }

    /// <summary><c>POST /image-to-video/result</c>: malformed JSON or a missing or ill-typed <c>request_id</c> → 422, an unknown or expired id → 400.</summary>
    private static async Task<IResult> HandleResultAsync(HttpRequest http, AsyncJobRegistry asyncJobs, CancellationToken cancellationToken)
    {
        using var json = await JsonFields.ReadAsync(http, cancellationToken);
        var requestId = json.RequiredString("request_id");
        json.ThrowIfInvalid();

        var status = asyncJobs.Find(PipelineNames.ImageToVideo, requestId)
            ?? throw new ApiProblemException(StatusCodes.Status400BadRequest, InvalidRequestId);
        return status.Result is null ? ApiResults.Accepted(status) : ApiResults.Ok(status);
    }
}
