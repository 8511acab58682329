using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Livepeer.Client.Tests;

/// <summary>A gateway in memory that answers like go-livepeer plus the runner's checks: relative <c>/stream/…</c> URLs, dual error bodies.</summary>
internal static class FakeGateway
{
    /// <summary>The smallest MP4 header a signature check accepts.</summary>
    private static readonly byte[] Mp4 = [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0, .. "isommp41"u8];

    public static RecordingHandler Create() => new((request, _) => RespondAsync(request));

    private static async Task<HttpResponseMessage> RespondAsync(RecordedRequest request)
    {
        var path = request.Uri.AbsolutePath;
        if (request.Method == HttpMethod.Get && path.StartsWith(ApiPaths.Stream + "/", StringComparison.Ordinal))
        {
            return Path.GetExtension(path) switch
            {
                ".png" => Responses.Bytes(TestMedia.Png, "image/png"),
                ".mp4" => Responses.Bytes(Mp4, "video/mp4"),
                ".wav" => Responses.Bytes(TestMedia.Wav(TimeSpan.FromMilliseconds(100)), "audio/wav"),
                _ => Responses.Text("404 page not found", HttpStatusCode.NotFound),
            };
        }

        return path switch
        {
            ApiPaths.TextToImage => TextToImage(JsonDocument.Parse(request.Body).RootElement),
            ApiPaths.ImageToImage or ApiPaths.Upscale => Images(1, 42),
            ApiPaths.ImageToVideo => await ImageToVideoAsync(request),
            ApiPaths.AudioToText => Responses.Json(Samples.TextJson),
            ApiPaths.SegmentAnything2 => Responses.Json(Samples.MasksJson),
            ApiPaths.ImageToText => Responses.Json(Samples.CaptionJson),
            ApiPaths.TextToSpeech => Responses.Json(Samples.AudioJson),
            ApiPaths.Llm when JsonDocument.Parse(request.Body).RootElement.GetProperty("stream").GetBoolean() =>
                Responses.EventStream($"data: {Samples.LlmChunk("Hel")}\n\ndata: {Samples.LlmChunk("lo", "stop")}\n\ndata: [DONE]\n\n"),
            ApiPaths.Llm => Responses.Json(Samples.LlmJson),
            _ => Responses.Text("404 page not found", HttpStatusCode.NotFound),
        };
    }

    private static HttpResponseMessage TextToImage(JsonElement body)
    {
        if (body.GetProperty("prompt").GetString() is not { Length: > 0 }) return Error("Prompt must be provided.");
        var seed = body.TryGetProperty("seed", out var s) ? s.GetInt64() : 42;
        return Images(body.GetProperty("num_images_per_prompt").GetInt32(), seed);
    }

    private static async Task<HttpResponseMessage> ImageToVideoAsync(RecordedRequest request)
    {
        var form = (await MultipartBody.ParseAsync(request)).Fields.ToDictionary(f => f.Key, f => f.Value);
        var height = int.Parse(form["height"], CultureInfo.InvariantCulture);
        var width = int.Parse(form["width"], CultureInfo.InvariantCulture);
        return height % 8 != 0 || width % 8 != 0
            ? Error($"`height` and `width` have to be divisible by 8 but are {height} and {width}.")
            : Responses.Json(Samples.VideoJson);
    }

    private static HttpResponseMessage Images(int count, long seed) =>
        Responses.Json(JsonSerializer.Serialize(
            new ImageResponse([.. Enumerable.Range(0, count).Select(i => new Media($"/stream/0a1b2c3d/{i:x8}.png", seed + i, false))]),
            ApiJson.Options));

    private static HttpResponseMessage Error(string message) =>
        Responses.Json(JsonSerializer.Serialize(HttpError.Of(message), ApiJson.Options), HttpStatusCode.BadRequest);
}
