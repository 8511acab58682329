using Livepeer.Api;
using Livepeer.Gateway.Http;
using Livepeer.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Livepeer.Gateway.Endpoints;

/// <summary><c>POST /text-to-speech</c>: JSON <see cref="TextToSpeechRequest"/>; answers <see cref="AudioResponse"/> with a WAV URL.</summary>
internal static class TextToSpeechEndpoint
{
    public static void Map(ApiGroup api) =>
        api.MapApiPost<AudioResponse>(ApiPaths.TextToSpeech, HandleAsync, "genTextToSpeech", "Text to speech", typeof(TextToSpeechRequest), "application/json");

    /// <summary>The body's fields with the runner's defaults; an empty text → 400, as the runner answers.</summary>
    internal static TextToSpeechRequest Bind(JsonFields json)
    {
        var request = new TextToSpeechRequest
        {
            ModelId = json.String("model_id") ?? "",
            Text = json.String("text") ?? "",
            Description = json.String("description") ?? TextToSpeechRequest.DefaultDescription,
        };
        json.ThrowIfInvalid();
        if (string.IsNullOrWhiteSpace(request.Text))
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "Text input must be provided.");
        return request;
    }

    private static async Task<IResult> HandleAsync(HttpRequest http, JobGateway gateway, CancellationToken cancellationToken)
    {
        using var json = await JsonFields.ReadAsync(http, cancellationToken);
        var request = Bind(json);
        var job = JobGateway.NewJob(PipelineNames.TextToSpeech, gateway.ModelFor(PipelineNames.TextToSpeech, request.ModelId),
            new Dictionary<string, string> { ["text"] = request.Text, ["description"] = request.Description });
        var result = await gateway.RunAsync(job, cancellationToken);
        var stored = await gateway.StoreAsync(result, cancellationToken);
        return ApiResults.Ok(new AudioResponse(new MediaUrl(stored[0].Url)));
    }
}
