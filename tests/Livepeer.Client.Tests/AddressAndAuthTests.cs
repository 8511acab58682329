using Livepeer.Testing;
namespace Livepeer.Client.Tests;

/// <summary>Where requests go (base address, path prefix) and the bearer header (livepeer-ai-api.md §2.2).</summary>
public sealed class AddressAndAuthTests
{
    [Theory]
    [InlineData("secret", "Bearer secret")]
    [InlineData("Bearer secret", "Bearer secret")]
    [InlineData("bearer secret", "bearer secret")]
    [InlineData("BEARER secret", "BEARER secret")]
    [InlineData("  secret ", "Bearer secret")]
    [InlineData("Bearersecret", "Bearer Bearersecret")]
    public async Task BearerToken_Set_SendsOneBearerPrefix(string token, string expected)
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson), o => o.BearerToken = token);

        await test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });

        Assert.Equal(expected, test.Request.Header("Authorization"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task BearerToken_Unset_SendsNoAuthorization(string? token)
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson), o => o.BearerToken = token);

        await test.Client.UpscaleAsync(new UpscaleRequest { Prompt = "p" }, new LivepeerFile(TestMedia.TinyPng));

        Assert.Null(test.Request.Header("Authorization"));
    }

    [Theory]
    [InlineData(ApiPaths.StudioPrefix)]
    [InlineData("api/beta/generate/")]
    [InlineData(" /api/beta/generate/ ")]
    public async Task PathPrefix_Set_GoesBeforeThePipelinePath(string prefix)
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson), o => o.PathPrefix = prefix);

        await test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });

        Assert.Equal("http://gateway.test:9935/api/beta/generate/text-to-image", test.Request.Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://livepeer.studio/api/beta/generate")]
    [InlineData("https://livepeer.studio/api/beta/generate/")]
    public async Task BaseAddress_WithAPath_KeepsThatPath(string baseAddress)
    {
        using var test = new TestClient(_ => Responses.Json(Samples.ImageJson), o => o.BaseAddress = new Uri(baseAddress));

        await test.Client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });

        Assert.Equal("https://livepeer.studio/api/beta/generate/text-to-image", test.Request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task BaseAddress_Unset_UsesTheHttpClients()
    {
        var handler = new RecordingHandler(_ => Responses.Json(Samples.ImageJson));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:8935/") };
        using var client = new LivepeerClient(http, new LivepeerClientOptions());

        await client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });

        Assert.Equal("http://127.0.0.1:8935/text-to-image", handler.Single.Uri.AbsoluteUri);
    }

    [Fact]
    public void Constructor_NoBaseAddressAnywhere_Throws()
    {
        using var http = new HttpClient();

        var error = Assert.Throws<ArgumentException>(() => new LivepeerClient(http, new LivepeerClientOptions()));

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://gateway.test/")]
    [InlineData("/relative")]
    public void Constructor_NotAnHttpAddress_Throws(string address)
    {
        Assert.Throws<ArgumentException>(() => new LivepeerClient(new LivepeerClientOptions { BaseAddress = new Uri(address, UriKind.RelativeOrAbsolute) }));
    }

    [Fact]
    public void Constructor_ZeroTimeout_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LivepeerClient(new LivepeerClientOptions { BaseAddress = TestClient.Gateway, Timeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentNullException>(() => new LivepeerClient(null!, new LivepeerClientOptions { BaseAddress = TestClient.Gateway }));
        Assert.Throws<ArgumentNullException>(() => new LivepeerClient(http, null!));
        Assert.Throws<ArgumentNullException>(() => new LivepeerClient(null!));
    }

    [Fact]
    public async Task Options_ChangedAfterConstruction_DoNotReachTheClient()
    {
        var options = new LivepeerClientOptions { BaseAddress = TestClient.Gateway, BearerToken = "first" };
        var handler = new RecordingHandler(_ => Responses.Json(Samples.ImageJson));
        using var http = new HttpClient(handler);
        using var client = new LivepeerClient(http, options);
        options.BearerToken = "second";
        options.PathPrefix = "/other";

        await client.TextToImageAsync(new TextToImageRequest { Prompt = "p" });

        Assert.Equal("Bearer first", handler.Single.Header("Authorization"));
        Assert.Equal("/text-to-image", handler.Single.Uri.AbsolutePath);
    }
}
