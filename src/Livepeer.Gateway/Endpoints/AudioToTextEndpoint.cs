using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /audio-to-text</c>: multipart with an <c>audio</c> file; answers <see cref="TextResponse"/>.</summary>
internal static class AudioToTextEndpoint
{
    private static readonly string[] TimestampModes = ["true", "false", "1", "0", "sentence", "word"];

    public static void Map(ApiGroup api) =>
        api.MapApiPost<TextResponse>(ApiPaths.AudioToText, HandleAsync, "genAudioToText", "Audio to text", typeof(AudioToTextRequest), "multipart/form-data");

    /// <summary>The form's fields with the runner's defaults.</summary>
    internal static AudioToTextRequest Bind(FormFields form) => new()
    {
        ModelId = form.String("model_id") ?? "",
        ReturnTimestamps = form.String("return_timestamps") ?? "true",
    };

    /// <summary>The timestamp mode, lower case; anything the runner does not know → 400.</summary>
    internal static string TimestampMode(AudioToTextRequest request)
    {
        var mode = request.ReturnTimestamps.Trim().ToLowerInvariant();
        return TimestampModes.Contains(mode)
            ? mode
            : throw new ApiProblemException(StatusCodes.Status400BadRequest, $"`return_timestamps` must be one of {string.Join(", ", TimestampModes)} but is '{request.ReturnTimestamps}'.");
    }

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        var form = await FormFields.ReadAsync(http, cancellationToken);
        var audio = form.RequiredFile("audio");
        var request = Bind(form);
        form.ThrowIfInvalid();
        var mode = TimestampMode(request);

        var (bytes, format) = await gateway.ReadAudioAsync(audio!, cancellationToken);
        var job = JobGateway.NewJob(PipelineNames.AudioToText, gateway.ModelFor(PipelineNames.AudioToText, request.ModelId), new Dictionary<string, string>
        {
            ["return_timestamps"] = mode,
            ["format"] = format.ToString().ToLowerInvariant(),
        }, bytes);
        var result = await gateway.RunAsync(job, cancellationToken);
        return ApiResults.Ok(JsonResults.Read<TextResponse>(result));
    }
}
