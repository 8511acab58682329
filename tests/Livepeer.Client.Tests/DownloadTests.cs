using Livepeer.Testing;
using System.Net;
using System.Text;

namespace Livepeer.Client.Tests;

/// <summary>Result URLs: relative <c>/stream/…</c> on the gateway, absolute object-store URLs, and runner data URLs (livepeer-ai-api.md §4.1).</summary>
public sealed class DownloadTests
{
    [Fact]
    public async Task Download_RelativeStreamUrl_ResolvesAgainstTheGatewayRootWithTheToken()
    {
        using var test = new TestClient(_ => Responses.Bytes(TestMedia.TinyPng, "image/png"), o =>
        {
            o.PathPrefix = ApiPaths.StudioPrefix;
            o.BearerToken = "t";
        });

        var download = await test.Client.DownloadAsync("/stream/0a1b2c3d/4e5f6a7b.png");

        Assert.Equal(HttpMethod.Get, test.Request.Method);
        Assert.Equal("http://gateway.test:9935/stream/0a1b2c3d/4e5f6a7b.png", test.Request.Uri.AbsoluteUri);
        Assert.Equal("Bearer t", test.Request.Header("Authorization"));
        Assert.Equal(TestMedia.TinyPng, download.Content);
        Assert.Equal("image/png", download.ContentType);
    }

    [Fact]
    public async Task Download_AbsoluteUrlOnAnotherHost_SendsNoToken()
    {
        using var test = new TestClient(_ => Responses.Bytes([1, 2, 3], "video/mp4"), o => o.BearerToken = "t");

        var download = await test.Client.DownloadAsync("https://store.example/0a1b2c3d/01c0e9a6.mp4");

        Assert.Equal("https://store.example/0a1b2c3d/01c0e9a6.mp4", test.Request.Uri.AbsoluteUri);
        Assert.Null(test.Request.Header("Authorization"));
        Assert.Equal([1, 2, 3], download.Content);
        Assert.Equal("video/mp4", download.ContentType);
    }

    [Fact]
    public async Task Download_AbsoluteUrlOnTheGateway_SendsTheToken()
    {
        using var test = new TestClient(_ => Responses.Bytes([1], "audio/wav"), o => o.BearerToken = "t");

        await test.Client.DownloadAsync("http://GATEWAY.test:9935/stream/a/b.wav");

        Assert.Equal("Bearer t", test.Request.Header("Authorization"));
    }

    [Fact]
    public async Task Download_ProtocolRelativeUrl_TakesTheGatewaysScheme()
    {
        using var test = new TestClient(_ => Responses.Bytes([1], "image/png"), o => o.BearerToken = "t");

        await test.Client.DownloadAsync("//store.example/0a1b2c3d/4e5f6a7b.png");

        Assert.Equal("http://store.example/0a1b2c3d/4e5f6a7b.png", test.Request.Uri.AbsoluteUri);
        Assert.Null(test.Request.Header("Authorization"));
    }

    [Fact]
    public async Task Download_NoContentType_IsOctetStream()
    {
        using var test = new TestClient(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([9]) });

        var download = await test.Client.DownloadAsync("/stream/a/b.bin");

        Assert.Equal("application/octet-stream", download.ContentType);
    }

    [Theory]
    [InlineData("data:image/png;base64,")]
    [InlineData("DATA:image/png;base64,")]
    public async Task Download_DataUrl_DecodesWithoutARequest(string prefix)
    {
        using var test = new TestClient(_ => throw new InvalidOperationException("no request expected"));

        var download = await test.Client.DownloadAsync(prefix + Convert.ToBase64String(TestMedia.TinyPng));

        Assert.Equal(TestMedia.TinyPng, download.Content);
        Assert.Equal("image/png", download.ContentType);
        Assert.Empty(test.Handler.Requests);
    }

    [Fact]
    public async Task Download_PercentEncodedDataUrl_Decodes()
    {
        using var test = new TestClient(_ => throw new InvalidOperationException("no request expected"));

        var download = await test.Client.DownloadAsync("data:,Hello%2C%20World");

        Assert.Equal("Hello, World", Encoding.UTF8.GetString(download.Content));
        Assert.Equal("text/plain", download.ContentType);
    }

    [Fact]
    public async Task Download_NotFound_ThrowsWithTheStatus()
    {
        using var test = new TestClient(_ => Responses.Text("404 page not found\n", HttpStatusCode.NotFound));

        var error = await Assert.ThrowsAsync<LivepeerApiException>(() => test.Client.DownloadAsync("/stream/a/missing.png"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("404 page not found", error.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://store.example/a.png")]
    public async Task Download_OtherScheme_Throws(string url)
    {
        using var test = new TestClient(_ => throw new InvalidOperationException("no request expected"));

        await Assert.ThrowsAsync<ArgumentException>(() => test.Client.DownloadAsync(url));
    }
}
