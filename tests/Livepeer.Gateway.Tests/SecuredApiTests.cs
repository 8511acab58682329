using System.Net;
using System.Net.Http.Headers;
using Livepeer.Media;

namespace Livepeer.Gateway.Tests;

/// <summary>Bearer auth and the pipeline deadline, on a host configured for them.</summary>
public sealed class SecuredApiTests(SecuredGatewayFactory factory) : IClassFixture<SecuredGatewayFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Basic czNjcmV0LXRva2Vu")]
    public async Task Api_NoOrWrongToken_401WithChallenge(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/text-to-image") { Content = Http.Json("""{"prompt":"x"}""") };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Invalid bearer token.", await response.ErrorMessageAsync());
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("bearer")]
    public async Task Api_RightToken_PassesAuth(string scheme)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/text-to-image") { Content = Http.Json("""{"prompt":""}""") };
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, SecuredGatewayFactory.Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ImageToVideoResult_NoToken_401()
    {
        using var response = await client.PostAsync(new Uri("/image-to-video/result", UriKind.Relative), Http.Json("""{"request_id":"0badf00d"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid bearer token.", await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task Upscale_PastTheDeadline_504()
    {
        // The job must surely outlast the 1 ms deadline even when the timer fires late on a loaded machine: a cold load of
        // the 4x model and a 512x512 image (2048x2048 out) take well over 100 ms; a small warm job can finish first.
        var uniform = ImageCodec.EncodePng(new RgbImage(512, 512, new byte[512 * 512 * 3]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upscale")
        {
            Content = Http.Form(("prompt", "x"), ("model_id", GatewayFactory.OtherModel)).WithFile("image", uniform),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecuredGatewayFactory.Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("upscale did not finish within the 0 s deadline.", await response.ErrorMessageAsync());
    }

    [Fact]
    public async Task HealthAndMedia_NeedNoToken()
    {
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
