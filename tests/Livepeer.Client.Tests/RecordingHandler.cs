using System.Net.Http.Headers;

namespace Livepeer.Client.Tests;

/// <summary>An in-memory gateway: records every request and answers with what the test's responder returns.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond;
    private readonly List<RecordedRequest> requests = [];

    public RecordingHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => this.respond = respond;

    public RecordingHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests) return [.. requests];
        }
    }

    public RecordedRequest Single => Assert.Single(Requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            Flatten(request.Headers),
            request.Content is null ? new Dictionary<string, string>() : Flatten(request.Content.Headers),
            body);
        lock (requests) requests.Add(recorded);

        var response = await respond(recorded, cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private static Dictionary<string, string> Flatten(HttpHeaders headers) =>
        headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
}
