namespace Livepeer.Client.Tests;

/// <summary>A <see cref="LivepeerClient"/> wired to a <see cref="RecordingHandler"/>.</summary>
internal sealed class TestClient : IDisposable
{
    public static readonly Uri Gateway = new("http://gateway.test:9935");

    private readonly HttpClient http;

    public TestClient(RecordingHandler handler, Action<LivepeerClientOptions>? configure = null)
    {
        Handler = handler;
        var options = new LivepeerClientOptions { BaseAddress = Gateway };
        configure?.Invoke(options);
        http = new HttpClient(handler);
        Client = new LivepeerClient(http, options);
    }

    public TestClient(Func<RecordedRequest, HttpResponseMessage> respond, Action<LivepeerClientOptions>? configure = null)
        : this(new RecordingHandler(respond), configure)
    {
    }

    public RecordingHandler Handler { get; }

    public LivepeerClient Client { get; }

    /// <summary>The one request sent so far.</summary>
    public RecordedRequest Request => Handler.Single;

    public void Dispose()
    {
        Client.Dispose();
        http.Dispose();
    }
}
