using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Livepeer.Api;

namespace Livepeer.Client;

/// <summary>Calls a Livepeer AI gateway: one method per pipeline (livepeer-ai-api.md §3), image-to-video's asynchronous mode, plus result downloads.</summary>
/// <remarks>Thread-safe. Errors are <see cref="LivepeerApiException"/>; a call that runs past the timeout throws <see cref="TimeoutException"/>.</remarks>
public sealed class LivepeerClient : IDisposable
{
    private const string Json = "application/json";
    private const string EventStream = "text/event-stream";
    private const string RespondAsync = "respond-async";

    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly ClientSettings settings;

    /// <summary>A client that sends through <paramref name="httpClient"/> (e.g. one from <c>IHttpClientFactory</c>), which it does not dispose.</summary>
    /// <param name="httpClient">The transport; its <see cref="HttpClient.BaseAddress"/> is used when the options set none.</param>
    /// <param name="options">The gateway and how to call it; read once, here.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public LivepeerClient(HttpClient httpClient, LivepeerClientOptions options)
        : this(ClientSettings.From(options, (httpClient ?? throw new ArgumentNullException(nameof(httpClient))).BaseAddress), httpClient)
    {
    }

    /// <summary>A client with its own <see cref="HttpClient"/>, disposed with it.</summary>
    /// <param name="options">The gateway and how to call it; read once, here.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public LivepeerClient(LivepeerClientOptions options)
        : this(ClientSettings.From(options, null), null)
    {
    }

    private LivepeerClient(ClientSettings settings, HttpClient? httpClient)
    {
        this.settings = settings;
        ownsHttp = httpClient is null;

        // The client's own timeout covers the body too; HttpClient's would cut long generations at 100 s.
        http = httpClient ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary><c>POST /text-to-image</c> (JSON).</summary>
    public Task<ImageResponse> TextToImageAsync(TextToImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(ApiPaths.TextToImage, () => JsonBody(request), ResponseJson.Parse<ImageResponse>, cancellationToken);
    }

    /// <summary><c>POST /image-to-image</c> (multipart, file part <c>image</c>).</summary>
    public Task<ImageResponse> ImageToImageAsync(ImageToImageRequest request, LivepeerFile image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        return SendAsync(ApiPaths.ImageToImage, () => MultipartForm.Create(request, "image", image), ResponseJson.Parse<ImageResponse>, cancellationToken);
    }

    /// <summary><c>POST /image-to-video</c> (multipart, file part <c>image</c>); the video is the only entry of <c>images</c>.</summary>
    public Task<VideoResponse> ImageToVideoAsync(ImageToVideoRequest request, LivepeerFile image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        return SendAsync(ApiPaths.ImageToVideo, () => MultipartForm.Create(request, "image", image), ResponseJson.Parse<VideoResponse>, cancellationToken);
    }

    /// <summary>
    /// <c>POST /image-to-video</c> with <c>Prefer: respond-async</c> (go-livepeer's asynchronous mode): the gateway checks
    /// the request (its errors are thrown here, as from <see cref="ImageToVideoAsync"/>), answers at once and makes the
    /// video in the background.
    /// </summary>
    /// <returns>The request id to poll with <see cref="GetImageToVideoResultAsync"/>.</returns>
    /// <remarks>A gateway without the asynchronous mode answers with the video itself, which throws <see cref="LivepeerApiException"/> (status 200, the body in <see cref="LivepeerApiException.ResponseBody"/>).</remarks>
    public Task<string> StartImageToVideoAsync(ImageToVideoRequest request, LivepeerFile image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        return SendAsync(ApiPaths.ImageToVideo, () => MultipartForm.Create(request, "image", image), ResponseJson.ParseAccepted, cancellationToken, RespondAsync);
    }

    /// <summary><c>POST /image-to-video/result</c> (JSON): whether the job <paramref name="requestId"/> is still running, and its video or error once it is not.</summary>
    /// <exception cref="LivepeerApiException">400 <c>invalid request ID</c>: the gateway does not know the id, or its result expired.</exception>
    public Task<ImageToVideoStatus> GetImageToVideoResultAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return SendAsync(ApiPaths.ImageToVideoResult, () => JsonBody(new AsyncJobResultRequest(requestId)), ResponseJson.ParseImageToVideoStatus, cancellationToken);
    }

    /// <summary><c>POST /upscale</c> (multipart, file part <c>image</c>).</summary>
    public Task<ImageResponse> UpscaleAsync(UpscaleRequest request, LivepeerFile image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        return SendAsync(ApiPaths.Upscale, () => MultipartForm.Create(request, "image", image), ResponseJson.Parse<ImageResponse>, cancellationToken);
    }

    /// <summary><c>POST /audio-to-text</c> (multipart, file part <c>audio</c>).</summary>
    public Task<TextResponse> AudioToTextAsync(AudioToTextRequest request, LivepeerFile audio, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audio);
        return SendAsync(ApiPaths.AudioToText, () => MultipartForm.Create(request, "audio", audio), ResponseJson.Parse<TextResponse>, cancellationToken);
    }

    /// <summary><c>POST /segment-anything-2</c> (multipart, file part <c>image</c>).</summary>
    public Task<MasksResponse> SegmentAnything2Async(SegmentAnything2Request request, LivepeerFile image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        return SendAsync(ApiPaths.SegmentAnything2, () => MultipartForm.Create(request, "image", image), ResponseJson.Parse<MasksResponse>, cancellationToken);
    }

    /// <summary><c>POST /image-to-text</c> (multipart, file part <c>image</c>).</summary>
    public Task<ImageToTextResponse> ImageToTextAsync(ImageToTextRequest request, LivepeerFile image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(image);
        return SendAsync(ApiPaths.ImageToText, () => MultipartForm.Create(request, "image", image), ResponseJson.Parse<ImageToTextResponse>, cancellationToken);
    }

    /// <summary><c>POST /text-to-speech</c> (JSON).</summary>
    public Task<AudioResponse> TextToSpeechAsync(TextToSpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendAsync(ApiPaths.TextToSpeech, () => JsonBody(request), ResponseJson.Parse<AudioResponse>, cancellationToken);
    }

    /// <summary><c>POST /llm</c> (JSON), answered in one piece.</summary>
    /// <exception cref="ArgumentException"><see cref="LlmRequest.Stream"/> is true: use <see cref="LlmStreamAsync"/>.</exception>
    public Task<LlmResponse> LlmAsync(LlmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Stream)
            throw new ArgumentException($"Stream = true asks for server-sent events, which {nameof(LlmAsync)} does not read; call {nameof(LlmStreamAsync)} instead.", nameof(request));
        return SendAsync(ApiPaths.Llm, () => JsonBody(request), ResponseJson.ParseLlm, cancellationToken);
    }

    /// <summary><c>POST /llm</c> with <c>stream: true</c>: one <see cref="LlmResponse"/> per server-sent event (choices carry <see cref="LlmChoice.Delta"/>), until <c>[DONE]</c> or the end of the stream.</summary>
    /// <remarks>An <c>{"error": …}</c> event throws <see cref="LivepeerApiException"/>. A server that answers plain JSON instead yields that one response.</remarks>
    public IAsyncEnumerable<LlmResponse> LlmStreamAsync(LlmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StreamLlmAsync(request with { Stream = true }, cancellationToken);
    }

    /// <summary>Fetches a result URL: absolute, relative to the gateway (<c>/stream/{requestId}/{file}</c>), or a <c>data:</c> URL (decoded here).</summary>
    /// <remarks>The bearer token is sent only to the gateway's own origin, never to an object store.</remarks>
    /// <exception cref="ArgumentException">The URL is neither http(s) nor data.</exception>
    /// <exception cref="FormatException">A data URL is malformed.</exception>
    public async Task<LivepeerDownload> DownloadAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (DataUrl.IsDataUrl(url)) return DataUrl.Decode(url);

        var address = settings.Resolve(url);
        using var scope = new CallScope(settings, $"GET {address}", cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            if (settings.Authorization is { } authorization && settings.IsSameOrigin(address))
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await OpenAsync(request, scope).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(scope.Token).ConfigureAwait(false);
            return new LivepeerDownload(bytes, response.Content.Headers.ContentType?.MediaType ?? LivepeerFile.DefaultContentType);
        }
        catch (OperationCanceledException e) when (scope.TimedOut)
        {
            throw scope.TimeoutError(e);
        }
    }

    /// <summary>Disposes the <see cref="HttpClient"/> when this client created it.</summary>
    public void Dispose()
    {
        if (ownsHttp) http.Dispose();
    }

    private async Task<T> SendAsync<T>(string path, Func<HttpContent> body, Func<HttpStatusCode, string, T> parse, CancellationToken cancellationToken, string? prefer = null)
    {
        using var scope = new CallScope(settings, "POST " + path, cancellationToken);
        try
        {
            using var request = Post(path, body(), Json);
            if (prefer is not null) request.Headers.TryAddWithoutValidation("Prefer", prefer);
            using var response = await OpenAsync(request, scope).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(scope.Token).ConfigureAwait(false);
            return parse(response.StatusCode, text);
        }
        catch (OperationCanceledException e) when (scope.TimedOut)
        {
            throw scope.TimeoutError(e);
        }
    }

    private async IAsyncEnumerable<LlmResponse> StreamLlmAsync(LlmRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var scope = new CallScope(settings, "POST " + ApiPaths.Llm, cancellationToken);
        HttpResponseMessage response;
        try
        {
            using var message = Post(ApiPaths.Llm, JsonBody(request), EventStream);
            response = await OpenAsync(message, scope).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (scope.TimedOut)
        {
            throw scope.TimeoutError(e);
        }

        using (response)
        {
            if (string.Equals(response.Content.Headers.ContentType?.MediaType, Json, StringComparison.OrdinalIgnoreCase))
            {
                yield return ResponseJson.ParseLlm(response.StatusCode, await ReadStringAsync(response, scope).ConfigureAwait(false));
                yield break;
            }

            var body = await response.Content.ReadAsStreamAsync(scope.Token).ConfigureAwait(false);
            var events = SseParser.Create(body).EnumerateAsync(scope.Token).GetAsyncEnumerator(scope.Token);
            await using (events.ConfigureAwait(false))
            {
                while (true)
                {
                    string data;
                    try
                    {
                        if (!await events.MoveNextAsync().ConfigureAwait(false)) yield break;
                        data = events.Current.Data;
                    }
                    catch (OperationCanceledException e) when (scope.TimedOut)
                    {
                        throw scope.TimeoutError(e);
                    }

                    if (data.AsSpan().Trim().SequenceEqual("[DONE]")) yield break;
                    yield return ResponseJson.ParseLlmEvent(response.StatusCode, data);
                }
            }
        }
    }

    private static async Task<string> ReadStringAsync(HttpResponseMessage response, CallScope scope)
    {
        try
        {
            return await response.Content.ReadAsStringAsync(scope.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (scope.TimedOut)
        {
            throw scope.TimeoutError(e);
        }
    }

    /// <summary>Sends and returns a successful response (headers read, body not yet); any other status is thrown as <see cref="LivepeerApiException"/>.</summary>
    private async Task<HttpResponseMessage> OpenAsync(HttpRequestMessage request, CallScope scope)
    {
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, scope.Token).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(scope.Token).ConfigureAwait(false);
            throw ErrorResponses.Create(response, body, settings.Clock);
        }
    }

    private HttpRequestMessage Post(string path, HttpContent body, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint(path)) { Content = body };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (settings.Authorization is { } authorization) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static ByteArrayContent JsonBody<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue(Json);
        return content;
    }
}
